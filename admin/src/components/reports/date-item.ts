import dayjs, { type Dayjs } from "dayjs";

/** A `date` column edited with a DatePicker: the form holds "YYYY-MM-DD", the picker a Dayjs. */
export const dateItemProps = {
  getValueProps: (value: string | null | undefined) => ({ value: value ? dayjs(value) : undefined }),
  normalize: (value: Dayjs | null) => (value ? value.format("YYYY-MM-DD") : null),
};

/** 2026-11-23 → 11月23日 周一 (or the English equivalent). */
export const dayLabel = (value: string, format: string) => dayjs(value).format(format);
