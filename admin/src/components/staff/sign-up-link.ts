/**
 * The invitation link: this admin's 注册 page with the invitation's one-time token (shown once,
 * when the invitation is made; the database keeps only its hash) and the email filled in.
 */
export const invitationLink = (token: string, email: string) =>
  `${window.location.origin}/register?token=${encodeURIComponent(token)}&email=${encodeURIComponent(email)}`;
