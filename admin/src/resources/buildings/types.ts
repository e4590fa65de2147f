/** A row of `public.buildings` (楼栋), with its unit count when asked for `units(count)`. */
export interface Building {
  id: string;
  project_id: string;
  code: string;
  name: string;
  floors: number;
  sort: number;
  units?: { count: number }[];
}
