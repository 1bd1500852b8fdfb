// The values editor of Upgrade and Install: CodeMirror YAML with syntax
// errors marked while typing and listed below it (nothing is sent while there are any).
import { useTranslation } from 'react-i18next';
import type { YamlProblem } from '../actions/yamlTools';
import { YamlEditor } from '../actions/YamlEditor';

export function ValuesField({ value, onChange, label, problems }: { value: string; onChange: (text: string) => void; label: string; problems: readonly YamlProblem[] }) {
  const { t } = useTranslation();
  return (
    <>
      <YamlEditor value={value} onChange={onChange} label={label} compact />
      {problems.length > 0 && (
        <ul className="problems" role="alert" aria-label={t('helm.values.problems')}>
          {problems.slice(0, 5).map((p) => (
            <li key={p.from}>{p.message}</li>
          ))}
          <li>{t('helm.values.fixFirst')}</li>
        </ul>
      )}
    </>
  );
}

