import { useId } from 'react';
import { formatLocalDate } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n';
import type { ShiftFilter } from './shift-filters';

/**
 * Native selects: on a phone they open the system's own large picker, which older volunteers
 * know, and they cost no JavaScript.
 */
export function ShiftFilters({
  filter,
  choices,
  onChange,
}: {
  filter: ShiftFilter;
  choices: { days: string[]; places: string[]; skills: string[] };
  onChange(filter: ShiftFilter): void;
}) {
  const { t, language } = useI18n();
  const id = useId();
  const field = (
    name: keyof ShiftFilter,
    label: string,
    all: string,
    values: string[],
    text = (v: string) => v,
  ) => (
    <div>
      <label htmlFor={`${id}-${name}`}>{label}</label>
      <select
        id={`${id}-${name}`}
        className="native-select"
        value={filter[name]}
        onChange={(event) => onChange({ ...filter, [name]: event.target.value })}
      >
        <option value="">{all}</option>
        {values.map((value) => (
          <option key={value} value={value}>
            {text(value)}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <div className="filters">
      {field('day', t('shifts.filterDay'), t('shifts.allDays'), choices.days, (day) =>
        formatLocalDate(day, language),
      )}
      {field('place', t('shifts.filterPlace'), t('shifts.allPlaces'), choices.places)}
      {field('skill', t('shifts.filterSkill'), t('shifts.allSkills'), choices.skills)}
    </div>
  );
}
