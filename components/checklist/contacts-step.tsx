'use client';

import { useTranslations } from 'next-intl';
import { Button } from '../ui/button';
import { emptyContact, type ContactDraft } from './checklist-drafts';
import styles from './checklist.module.css';
import { ItemFrame, type ErrorFor } from './item-frame';
import { TextField } from './text-field';

type Props = { items: ContactDraft[]; onChange: (items: ContactDraft[]) => void; errorFor: ErrorFor };

/** Step 3: the people to call first, in calling order. */
export function ContactsStep({ items, onChange, errorFor }: Props) {
  const t = useTranslations('checklist');
  const update = (index: number, item: ContactDraft) => onChange(items.map((current, position) => (position === index ? item : current)));
  return (
    <div className={styles.items}>
      {items.map((item, index) => {
        const path = `contacts.${index}`;
        const id = (field: string) => `contact-${index}-${field}`;
        const set = (field: keyof ContactDraft) => (value: string) => update(index, { ...item, [field]: value });
        return (
          <ItemFrame
            key={item.key}
            index={index}
            title={item.name}
            testId="checklist-contact"
            onRemove={() => onChange(items.filter((_, at) => at !== index))}
          >
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
          </ItemFrame>
        );
      })}
      <Button onClick={() => onChange([...items, emptyContact()])} data-testid="checklist-add-contact">
        + {t('actions.addContact')}
      </Button>
    </div>
  );
}
