/**
 * Shown to someone who is not signed in, or whose sign-in ended. With an identity provider
 * configured (`onSignIn`), one button starts its sign-in; otherwise the embedded default's links.
 */
export function SignInPage({ reason, onSignIn }: { reason?: 'expired' | 'invalid' | 'signed-out'; onSignIn?: () => void }) {
  return (
    <main id="contenu" className="sign-in">
      <h1 tabIndex={-1}>Connexion</h1>
      {reason === 'expired' && (
        <p role="alert" className="notice">
          {onSignIn ? 'Votre session a expiré. Reconnectez-vous.' : 'Votre session a expiré. Ouvrez à nouveau votre lien de connexion.'}
        </p>
      )}
      {reason === 'invalid' && (
        <p role="alert" className="error">
          {onSignIn ? 'La connexion n’a pas abouti. Réessayez.' : "Ce lien de connexion n'est pas valable. Demandez-en un nouveau."}
        </p>
      )}
      {reason === 'signed-out' && <p role="status">Vous êtes déconnecté·e.</p>}
      {onSignIn ? (
        <p>
          <button type="button" onClick={onSignIn}>
            Se connecter
          </button>
        </p>
      ) : (
        <>
          <p>Ouvrez le lien de connexion qui vous a été remis. Sur une installation de démonstration, un lien s'obtient avec :</p>
          <pre>npm run cli -- token --role coordinator --sub chef-1 --link</pre>
        </>
      )}
    </main>
  );
}
