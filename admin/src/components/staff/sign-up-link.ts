/** The address an invited person signs up at: this admin's 注册 page, with their email filled in. */
export const signUpLink = (email: string) => `${window.location.origin}/register?email=${encodeURIComponent(email)}`;
