/** Shown to someone who is not signed in, or whose sign-in ended. */
export function SignInPage({ reason }: { reason?: 'expired' | 'invalid' | 'signed-out' }) {
  return (
    <main id="contenu" className="sign-in">
      <h1 tabIndex={-1}>Connexion</h1>
      {reason === 'expired' && (
        <p role="alert" className="notice">
          Votre session a expiré. Ouvrez à nouveau votre lien de connexion.
        </p>
      )}
      {reason === 'invalid' && (
        <p role="alert" className="error">
          Ce lien de connexion n'est pas valable. Demandez-en un nouveau.
        </p>
      )}
      {reason === 'signed-out' && <p role="status">Vous êtes déconnecté·e.</p>}
      <p>Ouvrez le lien de connexion qui vous a été remis. Sur une installation de démonstration, un lien s'obtient avec :</p>
      <pre>npm run cli -- token --role coordinator --sub chef-1 --link</pre>
    </main>
  );
}
