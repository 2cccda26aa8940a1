'use client';

import { useTranslations } from 'next-intl';
import { emptyContact, type ContactDraft } from './checklist-drafts';
import styles from './checklist.module.css';
import type { ErrorFor } from './item-frame';
import { ItemList } from './item-list';
import { TextField } from './text-field';

type Props = { items: ContactDraft[]; onChange: (items: ContactDraft[]) => void; errorFor: ErrorFor };

/** Step 3: the people to call first, in calling order. */
export function ContactsStep({ items, onChange, errorFor }: Props) {
  const t = useTranslations('checklist');
  return (
    <ItemList
      items={items}
      onChange={onChange}
      listPath="contacts"
      kind="contact"
      titleOf={(item) => item.name}
      create={emptyContact}
      addLabel={t('actions.addContact')}
    >
      {({ item, path, id, set }) => (
        <div className={styles.grid}>
          <TextField
            id={id('name')}
            label={t('fields.contactName')}
            value={item.name}
            onChange={set('name')}
            error={errorFor(`${path}.name`)}
            testId="contact-name"
          />
          <TextField
            id={id('role')}
            label={t('fields.contactRole')}
            value={item.role}
            onChange={set('role')}
            error={errorFor(`${path}.role`)}
            testId="contact-role"
          />
          <TextField
            id={id('phone')}
            label={t('fields.contactPhone')}
            value={item.phone}
            onChange={set('phone')}
            error={errorFor(`${path}.phone`)}
            inputMode="tel"
            testId="contact-phone"
          />
        </div>
      )}
    </ItemList>
  );
}
