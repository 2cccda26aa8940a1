/** The Socket.IO rooms: a person's own phones and screens, and a jurisdiction's command room. */
export const rooms = {
  user: (userId: string) => `user:${userId}`,
  command: (jurisdictionId: string) => `command:${jurisdictionId}`,
};
