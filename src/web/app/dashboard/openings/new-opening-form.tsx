import { useState } from 'react';
import type { FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import type { Opening, OpeningInput } from '../../api/opening-types.ts';
import { FieldErrorMap, FieldErrorText, FormProblem } from '../../ui/field-errors.tsx';

/** Opens a position: a title, and where and in which department if wanted. */
export function NewOpeningForm({ onCreated, onCancel }: { onCreated: (opening: Opening) => void; onCancel: () => void }) {
  const client = useQueryClient();
  const [title, setTitle] = useState('');
  const [department, setDepartment] = useState('');
  const [location, setLocation] = useState('');
  const create = useMutation({
    mutationFn: (input: OpeningInput) => api.post<Opening>('/api/v1/openings', input),
    onSuccess: (opening) => {
      void client.invalidateQueries({ queryKey: ['openings'] });
      onCreated(opening);
    },
  });
  const errors = new FieldErrorMap(create.error);
  const titleErrors = errors.at('title');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({ title, department: department.trim() || null, location: location.trim() || null });
  };
  return (
    <form onSubmit={submit} className="stack" noValidate>
      <FormProblem error={create.error} unplaced={errors.outside(['title'])} />
      <div className="field-grid">
        <div className="field">
          <label htmlFor="opening-title">Title</label>
          <input
            id="opening-title"
            value={title}
            onChange={(e) => setTitle(e.target.value)}
            aria-invalid={titleErrors.length > 0 || undefined}
            aria-describedby={titleErrors.length ? 'opening-title-error' : undefined}
          />
          <FieldErrorText id="opening-title-error" messages={titleErrors} />
        </div>
        <div className="field">
          <label htmlFor="opening-department">Department (optional)</label>
          <input id="opening-department" value={department} onChange={(e) => setDepartment(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="opening-location">Location (optional)</label>
          <input id="opening-location" value={location} onChange={(e) => setLocation(e.target.value)} />
        </div>
      </div>
      <div className="row">
        <button type="submit" className="primary" disabled={create.isPending}>
          {create.isPending ? 'Opening…' : 'Open the position'}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
