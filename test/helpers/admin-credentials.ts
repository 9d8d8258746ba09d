/** The admin token the admin-router tests configure. */
export const TOKEN = 'a-long-admin-token-0123456789';
export const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
