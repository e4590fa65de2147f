/** 带看确认单 as visit_slip() answers it. */
export interface Slip {
  report_id: string;
  slip_no: string;
  project_name: string;
  developer_name: string | null;
  project_address: string | null;
  agency_name: string | null;
  store_name: string | null;
  broker_name: string | null;
  broker_phone: string | null;
  customer_name: string;
  customer_phone: string;
  reported_at: string;
  visited_at: string;
  consultant_name: string | null;
  confirmed_by_name: string | null;
  protection_days: number | null;
  protected_until: string | null;
}
