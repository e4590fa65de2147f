/** A row of `public.brokers` (经纪人): an agency's person, linked to a login by user_id. */
export interface Broker {
  id: string;
  user_id: string | null;
  agency_id: string;
  store_id: string | null;
  name: string;
  phone: string | null;
  active: boolean;
  created_at: string;
}
