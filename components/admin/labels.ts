// Department names are stored in both languages; pick the one for the reader's locale.
export function departmentName(department: { name: string; nameEn: string }, locale: string): string {
  return locale === 'en' ? department.nameEn : department.name;
}
