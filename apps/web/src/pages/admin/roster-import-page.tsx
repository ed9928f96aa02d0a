import { useState } from 'react';
import { Link } from 'react-router';
import { Alert, Button, Steps, Table, Upload } from 'antd';
import { InboxOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { problemMessage } from '../../api/problem';
import { useI18n } from '../../i18n/i18n';
import type { Translate } from '../../i18n/translate';
import { PageHeader } from '../../layout/page-state';
import { TableRegion } from './table-region';
import { importRoster, previewRoster, type RosterIssue, type RosterRow } from './roster-import-api';
import './admin.css';

/** Words for one issue of a row, naming what the office wrote so they can find it in Excel. */
export function issueText(t: Translate, issue: RosterIssue, row: RosterRow): string {
  switch (issue.code) {
    case 'PHONE_DUPLICATE_IN_FILE':
      return t('import.issue.PHONE_DUPLICATE_IN_FILE', { row: issue.firstRow ?? '?' });
    case 'ESTATE_UNKNOWN':
      return t('import.issue.ESTATE_UNKNOWN', { name: row.estateName ?? '' });
    case 'ORGANISATION_UNKNOWN':
      return t('import.issue.ORGANISATION_UNKNOWN', { name: row.organisationName ?? '' });
    default:
      return t(`import.issue.${issue.code}`);
  }
}

/**
 * The roster import wizard: upload → every row checked (nothing written) → import all at once.
 * The confirm sends the same file again, so what is imported is checked at that moment (ADR 0022).
 */
export default function RosterImportPage() {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const preview = useMutation({ mutationFn: previewRoster });
  const confirm = useMutation({
    mutationFn: importRoster,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['admin', 'people'] }),
  });

  const choose = (chosen: File) => {
    setFile(chosen);
    confirm.reset();
    preview.mutate(chosen);
    return false; // we send it ourselves, not antd's uploader
  };
  const startOver = () => {
    setFile(null);
    preview.reset();
    confirm.reset();
  };
  const step = confirm.isSuccess ? 2 : preview.data ? 1 : 0;
  const result = preview.data;

  return (
    <>
      <PageHeader title={t('import.title')} intro={t('import.intro')} />
      <Steps
        current={step}
        size="small"
        responsive={false}
        items={[
          { title: t('import.step.upload') },
          { title: t('import.step.check') },
          { title: t('import.step.done') },
        ]}
        style={{ marginBottom: 24 }}
      />
      {step === 0 && (
        <div className="stack">
          <p>{t('import.columns')}</p>
          <Upload.Dragger
            accept=".xlsx,.csv"
            multiple={false}
            showUploadList={false}
            beforeUpload={choose}
            disabled={preview.isPending}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined aria-hidden />
            </p>
            <p className="ant-upload-text">{preview.isPending ? t('import.checking') : t('import.drop')}</p>
            <p className="ant-upload-hint">{t('import.dropHint')}</p>
          </Upload.Dragger>
          {preview.isError && <Alert type="error" showIcon title={problemMessage(preview.error, t)} />}
        </div>
      )}
      {step === 1 && result && file && (
        <div className="stack">
          <p>
            {t('import.summary', {
              file: file.name,
              total: result.total,
              valid: result.valid,
              invalid: result.invalid,
            })}
          </p>
          {result.invalid > 0 ? (
            <Alert type="error" showIcon title={t('import.hasErrors', { invalid: result.invalid })} />
          ) : (
            <Alert type="success" showIcon title={t('import.allValid')} />
          )}
          {confirm.isError && <Alert type="error" showIcon title={problemMessage(confirm.error, t)} />}
          <div className="admin-actions">
            <Button
              type="primary"
              size="large"
              disabled={result.invalid > 0}
              loading={confirm.isPending}
              onClick={() => confirm.mutate(file)}
            >
              {t('import.confirm', { count: result.total })}
            </Button>
            <Button size="large" onClick={startOver}>
              {t('import.another')}
            </Button>
          </div>
          <RosterTable rows={result.rows} />
        </div>
      )}
      {step === 2 && confirm.data && (
        <div className="stack">
          <Alert type="success" showIcon title={t('import.done', { count: confirm.data.created })} />
          <div className="admin-actions">
            <Link to="/admin/people" className="ant-btn ant-btn-primary ant-btn-lg">
              {t('import.toPeople')}
            </Link>
            <Button size="large" onClick={startOver}>
              {t('import.another')}
            </Button>
          </div>
        </div>
      )}
    </>
  );
}

function RosterTable({ rows }: { rows: RosterRow[] }) {
  const { t } = useI18n();
  return (
    <TableRegion label={t('import.title')}>
      <Table<RosterRow>
        rowKey="row"
        dataSource={rows}
        pagination={rows.length > 50 ? { pageSize: 50 } : false}
        rowClassName={(row) => (row.issues.length ? 'roster-row-invalid' : '')}
        columns={[
          { title: t('import.row'), dataIndex: 'row', width: 72 },
          {
            title: t('import.problems'),
            key: 'issues',
            render: (_, row) =>
              row.issues.length === 0 ? (
                <span className="admin-status-active">{t('import.ok')}</span>
              ) : (
                <ul className="roster-issues">
                  {row.issues.map((issue) => (
                    <li key={issue.code}>{issueText(t, issue, row)}</li>
                  ))}
                </ul>
              ),
          },
          { title: t('people.name'), dataIndex: 'name' },
          { title: t('people.phone'), dataIndex: 'phone' },
          { title: t('people.estate'), dataIndex: 'estateName', render: (value) => value ?? t('admin.none') },
          {
            title: t('organisations.title'),
            dataIndex: 'organisationName',
            render: (value) => value ?? t('admin.none'),
          },
          { title: t('people.skills'), dataIndex: 'skills', render: (skills: string[]) => skills.join('、') },
        ]}
      />
    </TableRegion>
  );
}
