import type { Message, Update, User } from "grammy/types";

/** Updates as Telegram would deliver them for what the person typed or tapped. */
export class ConsoleUpdates {
  private nextUpdateId = 1;

  constructor(private readonly user: User) {}

  text(messageId: number, text: string): Update {
    const command = /^\/[A-Za-z0-9_]+(@\w+)?/.exec(text);
    return {
      update_id: this.nextUpdateId++,
      message: {
        message_id: messageId,
        date: Math.floor(Date.now() / 1000),
        chat: { id: this.user.id, type: "private", first_name: this.user.first_name },
        from: this.user,
        text,
        ...(command ? { entities: [{ type: "bot_command", offset: 0, length: command[0].length }] } : {}),
      },
    };
  }

  tap(message: Message, data: string): Update {
    return {
      update_id: this.nextUpdateId++,
      callback_query: {
        id: `console-${this.nextUpdateId}`,
        from: this.user,
        chat_instance: `console-${this.user.id}`,
        message,
        data,
      },
    };
  }
}
