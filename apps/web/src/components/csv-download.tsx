import { useState } from 'react';
import type { ApiClient } from '../api/api-client';
import { describeError } from './async-view';

/**
 * Saves the API's CSV answer as a file. A plain link cannot carry the bearer token, so the file is
 * fetched with it (Accept: text/csv) and handed to the browser under the name the API gives.
 */
export function CsvDownload({ api, path, fallbackName, children }: { api: ApiClient; path: string; fallbackName: string; children: string }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const download = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const response = await api.raw(path, 'text/csv');
      const blob = await response.blob();
      const name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? fallbackName;
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = name;
      document.body.append(link);
      link.click();
      link.remove();
      window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
    } catch (e) {
      setError(describeError(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <button type="button" className="secondary" onClick={() => void download()} disabled={busy}>
        {children}
      </button>
      {error && (
        <span role="alert" className="error">
          {error}
        </span>
      )}
    </>
  );
}

export function PrintButton() {
  return (
    <button type="button" className="secondary" onClick={() => window.print()}>
      Imprimer ou enregistrer en PDF
    </button>
  );
}
