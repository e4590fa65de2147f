import { InlineKeyboard } from "grammy";
import type { ProjectRef } from "../features/common/project.ts";
import { callbackData } from "./callback-data.ts";
import { fromShortId, shortId } from "./short-id.ts";

/** `pj:<project>`: switch the chat's current project (the person must work in it). */
export const projectData = callbackData("pj", ["project"]);

/** One button per project, the current one ticked. */
export function projectKeyboard(projects: ProjectRef[], currentId: string | null): InlineKeyboard {
  return InlineKeyboard.from(
    projects.map((p) => [{ text: p.id === currentId ? `✓ ${p.name}` : p.name, callback_data: projectData.pack({ project: shortId(p.id) }) }]),
  );
}

/** The tapped project's id, or null when the payload is not one of ours. */
export const unpackProject = (data: string | undefined): string | null => fromShortId(projectData.unpack(data)?.project);
