import { useEffect, useState, type FormEvent } from 'react';
import { ErrorMessage } from '../components/ErrorMessage';
import { useResource } from '../hooks/use-resource';
import { definedSearch, deleteFilter, listFilters, saveFilter, type TaskSearch } from './api';

interface Props {
  search: TaskSearch;
  onApply(search: TaskSearch): void;
}

/** My saved searches: apply one, save the current search under a name, delete one. */
export function SavedFilters({ search, onApply }: Props) {
  const filters = useResource(listFilters, []);
  const [chosen, setChosen] = useState('');
  const [name, setName] = useState('');
  const [error, setError] = useState<unknown>(null);

  // A search changed by hand is no longer the chosen filter.
  useEffect(() => {
    const filter = filters.data?.find((f) => f.id === chosen);
    if (filter && JSON.stringify(definedSearch(filter.query)) !== JSON.stringify(definedSearch(search))) setChosen('');
  }, [search]);

  const apply = (id: string) => {
    setChosen(id);
    const filter = filters.data?.find((f) => f.id === id);
    if (filter) onApply(filter.query);
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      const saved = await saveFilter(name.trim(), search);
      setName('');
      await filters.reload();
      setChosen(saved.id);
      onApply(saved.query);
    } catch (caught) {
      setError(caught);
    }
  };

  const remove = async () => {
    setError(null);
    try {
      await deleteFilter(chosen);
      setChosen('');
      await filters.reload();
    } catch (caught) {
      setError(caught);
    }
  };

  return (
    <div className="saved-filters">
      <label className="inline-field">
        Saved filters
        <select value={chosen} onChange={(event) => apply(event.target.value)}>
          <option value="">Choose…</option>
          {(filters.data ?? []).map((filter) => (
            <option key={filter.id} value={filter.id}>
              {filter.name}
            </option>
          ))}
        </select>
      </label>
      {chosen && (
        <button type="button" className="button-secondary button-small" onClick={() => void remove()}>
          Delete filter
        </button>
      )}
      <form className="inline-field" onSubmit={(event) => void save(event)}>
        <label className="inline-field">
          Save this search as
          <input value={name} onChange={(event) => setName(event.target.value)} required maxLength={100} />
        </label>
        <button type="submit" className="button-secondary button-small">
          Save filter
        </button>
      </form>
      <ErrorMessage error={error ?? filters.error} />
    </div>
  );
}
