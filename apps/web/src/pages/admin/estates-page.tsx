import { useState } from 'react';
import { Button, Form, Input, InputNumber, Modal } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { problemMessage } from '../../api/problem';
import type { components } from '../../api/schema';
import { useI18n } from '../../i18n/i18n';
import { useToasts } from '../../layout/feedback';
import { PageHeader } from '../../layout/page-state';
import { QueryTable } from './table-region';

type Estate = components['schemas']['EstatePageDto_Output']['items'][number];
interface NewEstate {
  name: string;
  address?: string;
  households?: number | null;
}

/** 小区: the community's estates (tens at most, so one page lists them all). */
export default function EstatesPage() {
  const { t } = useI18n();
  const [adding, setAdding] = useState(false);
  const estates = useQuery({
    queryKey: ['admin', 'estates'],
    queryFn: () => unwrap(api.GET('/api/v1/estates', { params: { query: { pageSize: 100, sort: 'name' } } })),
  });
  return (
    <>
      <PageHeader title={t('estates.title')} intro={t('estates.intro')} />
      <div className="admin-toolbar">
        <Button type="primary" size="large" onClick={() => setAdding(true)}>
          {t('estates.addTitle')}
        </Button>
      </div>
      <QueryTable<Estate>
        label={t('estates.title')}
        query={estates}
        pagination={false}
        locale={{ emptyText: t('estates.empty') }}
        columns={[
          { title: t('estates.name'), dataIndex: 'name' },
          { title: t('estates.address'), dataIndex: 'address', render: (v) => v ?? t('admin.none') },
          {
            title: t('estates.households'),
            dataIndex: 'households',
            render: (v) => v ?? t('admin.none'),
          },
        ]}
      />
      {adding && <AddEstate onClose={() => setAdding(false)} />}
    </>
  );
}

function AddEstate({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  const toasts = useToasts();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<NewEstate>();
  const save = useMutation({
    mutationFn: (body: NewEstate) =>
      unwrap(
        api.POST('/api/v1/estates', {
          body: { name: body.name, address: body.address || null, households: body.households ?? null },
        }),
      ),
    onSuccess: async () => {
      void toasts.success(t('admin.saved'));
      // The shared estate names (pages/estates.ts) too: the people page offers the new one.
      await queryClient.invalidateQueries({ queryKey: ['admin', 'estates'] });
      await queryClient.invalidateQueries({ queryKey: ['estates'] });
      onClose();
    },
  });
  return (
    <Modal
      open
      title={t('estates.addTitle')}
      okText={t('admin.save')}
      cancelText={t('admin.cancel')}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<NewEstate> form={form} layout="vertical" requiredMark={false} onFinish={(v) => save.mutate(v)}>
        <Form.Item
          name="name"
          label={t('estates.name')}
          rules={[{ required: true, whitespace: true, message: t('estates.nameRequired') }]}
        >
          <Input size="large" maxLength={100} autoComplete="off" />
        </Form.Item>
        <Form.Item name="address" label={t('estates.address')}>
          <Input size="large" maxLength={200} autoComplete="off" />
        </Form.Item>
        <Form.Item name="households" label={t('estates.households')}>
          <InputNumber size="large" min={0} max={100000} style={{ width: '100%' }} />
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
