import type { ButtonHTMLAttributes } from 'react';
import styles from './ui.module.css';

type Props = ButtonHTMLAttributes<HTMLButtonElement> & { variant?: 'default' | 'primary' | 'danger' };

export function Button({ variant = 'default', className, ...props }: Props) {
  const variantClass = variant === 'default' ? '' : styles[variant];
  return <button type="button" {...props} className={[styles.button, variantClass, className].filter(Boolean).join(' ')} />;
}
