import { useState } from 'react';
import { Button, Form, Input, Modal, Select } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { problemMessage } from '../../api/problem';
import type { components } from '../../api/schema';
import { useI18n } from '../../i18n/i18n';
import { useToasts } from '../../layout/feedback';
import { PageHeader } from '../../layout/page-state';
import { ActiveStatus, QueryTable } from './table-region';

type Organisation = components['schemas']['OrganisationPageDto_Output']['items'][number];
type NewOrganisation = components['schemas']['CreateOrganisationRequest'];

/** The kinds of 六社联动 partner, in the order the community names them. */
const KINDS: Organisation['kind'][] = [
  'community',
  'social_organisation',
  'professional_social_workers',
  'community_based_organisation',
  'stationed_unit',
  'social_enterprise',
];

/** 组织: the partner organisations (a community has tens, so one page lists them all). */
export default function OrganisationsPage() {
  const { t, language } = useI18n();
  const [adding, setAdding] = useState(false);
  const organisations = useQuery({
    queryKey: ['admin', 'organisations'],
    queryFn: () =>
      unwrap(api.GET('/api/v1/organisations', { params: { query: { pageSize: 100, sort: 'name' } } })),
  });
  const kindLabel = (organisation: Organisation) =>
    language === 'zh-CN' ? organisation.kindLabel.zh : organisation.kindLabel.en;
  return (
    <>
      <PageHeader title={t('organisations.title')} intro={t('organisations.intro')} />
      <div className="admin-toolbar">
        <Button type="primary" size="large" onClick={() => setAdding(true)}>
          {t('organisations.addTitle')}
        </Button>
      </div>
      <QueryTable<Organisation>
        label={t('organisations.title')}
        query={organisations}
        pagination={false}
        locale={{ emptyText: t('organisations.empty') }}
        columns={[
          { title: t('organisations.name'), dataIndex: 'name' },
          { title: t('organisations.kind'), key: 'kind', render: (_, row) => kindLabel(row) },
          {
            title: t('organisations.contactName'),
            dataIndex: 'contactName',
            render: (v) => v ?? t('admin.none'),
          },
          {
            title: t('organisations.contactPhone'),
            dataIndex: 'contactPhone',
            render: (v) => v ?? t('admin.none'),
          },
          {
            title: t('people.status'),
            dataIndex: 'active',
            render: (active: boolean) => (
              <ActiveStatus active={active} labels={[t('admin.active'), t('admin.inactive')]} />
            ),
          },
        ]}
      />
      {adding && <AddOrganisation onClose={() => setAdding(false)} />}
    </>
  );
}

function AddOrganisation({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  const toasts = useToasts();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<NewOrganisation>();
  const save = useMutation({
    mutationFn: (body: NewOrganisation) =>
      unwrap(
        api.POST('/api/v1/organisations', {
          body: { ...body, contactName: body.contactName || null, contactPhone: body.contactPhone || null },
        }),
      ),
    onSuccess: async () => {
      void toasts.success(t('admin.saved'));
      await queryClient.invalidateQueries({ queryKey: ['admin', 'organisations'] });
      onClose();
    },
  });
  return (
    <Modal
      open
      title={t('organisations.addTitle')}
      okText={t('admin.save')}
      cancelText={t('admin.cancel')}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<NewOrganisation>
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={(v) => save.mutate(v)}
      >
        <Form.Item
          name="name"
          label={t('organisations.name')}
          rules={[{ required: true, whitespace: true, message: t('organisations.nameRequired') }]}
        >
          <Input size="large" maxLength={100} autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="kind"
          label={t('organisations.kind')}
          rules={[{ required: true, message: t('organisations.kindRequired') }]}
        >
          <Select
            size="large"
            options={KINDS.map((kind) => ({ value: kind, label: t(`organisations.kind.${kind}`) }))}
          />
        </Form.Item>
        <Form.Item name="contactName" label={t('organisations.contactName')}>
          <Input size="large" maxLength={100} autoComplete="off" />
        </Form.Item>
        <Form.Item name="contactPhone" label={t('organisations.contactPhone')}>
          <Input size="large" inputMode="tel" autoComplete="off" />
        </Form.Item>
        {save.isError && (
          <p className="form-error" role="alert">
            {problemMessage(save.error, t)}
          </p>
        )}
      </Form>
    </Modal>
  );
}
