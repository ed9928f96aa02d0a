import { useState } from 'react';
import { Link } from 'react-router';
import { Button, Form, Input, InputNumber, Modal, Select } from 'antd';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { problemMessage } from '../../api/problem';
import type { components } from '../../api/schema';
import { useI18n } from '../../i18n/i18n';
import { useToasts } from '../../layout/feedback';
import { PageHeader } from '../../layout/page-state';
import { ActiveStatus, QueryTable } from './table-region';
import { useEstateNames } from '../estates';

type Person = components['schemas']['PersonPageDto_Output']['items'][number];
interface PersonForm {
  name: string;
  phone?: string | null;
  email?: string | null;
  birthYear?: number | null;
  homeEstateId?: string | null;
  skills?: string[];
}

const PAGE_SIZE = 20;

/** 人员: everyone in the community, found by name or phone; added and changed one at a time. */
export default function PeoplePage() {
  const { t } = useI18n();
  const estates = useEstateNames();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  // undefined: closed; null: a new person; a Person: editing them.
  const [editing, setEditing] = useState<Person | null | undefined>(undefined);
  const people = useQuery({
    queryKey: ['admin', 'people', q, page],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/people', {
          params: { query: { q: q || undefined, page, pageSize: PAGE_SIZE, sort: 'name' } },
        }),
      ),
    placeholderData: keepPreviousData,
  });

  return (
    <>
      <PageHeader title={t('people.title')} intro={t('people.intro')} />
      <div className="admin-toolbar">
        <Input.Search
          allowClear
          size="large"
          aria-label={t('admin.search')}
          placeholder={t('admin.search')}
          onSearch={(value) => {
            setQ(value.trim());
            setPage(1);
          }}
        />
        <Button type="primary" size="large" onClick={() => setEditing(null)}>
          {t('people.addTitle')}
        </Button>
        <Link to="/admin/import" className="admin-link">
          {t('people.importLink')}
        </Link>
      </div>
      <QueryTable<Person>
        label={t('people.title')}
        query={people}
        locale={{ emptyText: t('people.empty') }}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: people.data?.total,
          onChange: setPage,
          showSizeChanger: false,
          showTotal: (count) => t('admin.total', { count }),
        }}
        columns={[
          { title: t('people.name'), dataIndex: 'name' },
          { title: t('people.phone'), dataIndex: 'phone', render: (phone) => phone ?? t('admin.none') },
          {
            title: t('people.estate'),
            dataIndex: 'homeEstateId',
            render: (id: string | null) => (id ? (estates.get(id) ?? t('admin.none')) : t('admin.none')),
          },
          {
            title: t('people.skills'),
            dataIndex: 'skills',
            render: (skills: string[]) => skills.join('、'),
          },
          {
            title: t('people.status'),
            dataIndex: 'active',
            render: (active: boolean) => (
              <ActiveStatus active={active} labels={[t('admin.active'), t('admin.inactive')]} />
            ),
          },
          {
            title: t('people.actions'),
            key: 'actions',
            render: (_, person) => (
              <Button onClick={() => setEditing(person)} aria-label={`${t('admin.edit')} ${person.name}`}>
                {t('admin.edit')}
              </Button>
            ),
          },
        ]}
      />
      {editing !== undefined && (
        <PersonDialog person={editing} estates={estates} onClose={() => setEditing(undefined)} />
      )}
    </>
  );
}

function PersonDialog({
  person,
  estates,
  onClose,
}: {
  person: Person | null;
  estates: ReadonlyMap<string, string>;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const toasts = useToasts();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<PersonForm>();
  const save = useMutation({
    mutationFn: (values: PersonForm) => {
      // Empty fields clear the value (the API takes null for "none").
      const body = {
        ...values,
        phone: values.phone || null,
        email: values.email || null,
        birthYear: values.birthYear ?? null,
        homeEstateId: values.homeEstateId ?? null,
        skills: values.skills ?? [],
      };
      return person
        ? unwrap(api.PATCH('/api/v1/people/{id}', { params: { path: { id: person.id } }, body }))
        : unwrap(api.POST('/api/v1/people', { body }));
    },
    onSuccess: async () => {
      void toasts.success(t('admin.saved'));
      await queryClient.invalidateQueries({ queryKey: ['admin', 'people'] });
      onClose();
    },
  });
  return (
    <Modal
      open
      title={person ? t('people.editTitle', { name: person.name }) : t('people.addTitle')}
      okText={t('admin.save')}
      cancelText={t('admin.cancel')}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<PersonForm>
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={
          person
            ? {
                name: person.name,
                phone: person.phone,
                email: person.email,
                birthYear: person.birthYear,
                homeEstateId: person.homeEstateId,
                skills: person.skills,
              }
            : { skills: [] }
        }
        onFinish={(values) => save.mutate(values)}
      >
        <Form.Item
          name="name"
          label={t('people.name')}
          rules={[{ required: true, whitespace: true, message: t('people.nameRequired') }]}
        >
          <Input size="large" maxLength={100} autoComplete="off" />
        </Form.Item>
        <Form.Item name="phone" label={t('people.phone')}>
          <Input size="large" inputMode="tel" autoComplete="off" />
        </Form.Item>
        <Form.Item name="email" label={t('people.email')}>
          <Input size="large" type="email" autoComplete="off" />
        </Form.Item>
        <Form.Item name="birthYear" label={t('people.birthYear')}>
          <InputNumber size="large" min={1900} max={2100} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="homeEstateId" label={t('people.estate')}>
          <Select
            size="large"
            allowClear
            options={[...estates].map(([value, label]) => ({ value, label }))}
          />
        </Form.Item>
        <Form.Item name="skills" label={t('people.skills')} extra={t('people.skillsHelp')}>
          <Select size="large" mode="tags" open={false} tokenSeparators={[',', '，', '、']} />
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
