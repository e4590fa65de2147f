/** The roles of `public.staff_role`, in the order a sales office ranks them. */
export const ROLES = [
  "admin",
  "gm",
  "vp",
  "marketing_director",
  "sales_manager",
  "finance",
  "channel_manager",
  "consultant",
  "broker",
] as const;
export type Role = (typeof ROLES)[number];

export const isRole = (value: unknown): value is Role => ROLES.includes(value as Role);

/** Staff of the developer (everyone but external brokers). */
export const STAFF_ROLES: readonly Role[] = ROLES.filter((r) => r !== "broker");
/** Managers and above, as `private.manager_roles()` in the database. */
export const MANAGER_ROLES: readonly Role[] = ["sales_manager", "marketing_director", "vp", "gm"];

export const sortRoles = (roles: Iterable<Role>): Role[] =>
  [...new Set(roles)].sort((a, b) => ROLES.indexOf(a) - ROLES.indexOf(b));
