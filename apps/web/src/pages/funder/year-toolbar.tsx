import type { ApiClient } from '../../api/api-client';
import { CsvDownload, PrintButton } from '../../components/csv-download';
import { navigate } from '../../routing/use-location';
import { pathTo } from '../../routing/web-routes';

/** A yearly page's year, its CSV and its print button (consumption, yearly report). */
export function YearToolbar({ api, id, year, page, csvPath, csvName }: { api: ApiClient; id: string; year: number; page: 'consumption' | 'report'; csvPath: string; csvName: string }) {
  return (
    <form className="filters" aria-label="Année" onSubmit={(e) => e.preventDefault()}>
      <label>
        Année
        <input
          type="number"
          name="year"
          min={2000}
          max={2100}
          defaultValue={year}
          onChange={(e) => /^\d{4}$/.test(e.target.value) && navigate(`${pathTo(page, { id })}?year=${e.target.value}`, { replace: true })}
        />
      </label>
      <CsvDownload api={api} path={csvPath} fallbackName={csvName}>
        Télécharger le CSV
      </CsvDownload>
      <PrintButton />
    </form>
  );
}
