import type { CouncilRole, Role } from '~/modules/auth/roles';

// The signed-in person. Called the viewer so that "actor" keeps its XState meaning (STYLE.md §3.2).
// A union keyed on role, so council roles always carry a councilId and no one else does.
type ViewerBase = { userId: string; name: string; email: string; sessionId: string };

export type CouncilViewer = ViewerBase & { role: CouncilRole; councilId: string };
export type NonCouncilViewer = ViewerBase & { role: Exclude<Role, CouncilRole>; councilId: null };
export type Viewer = CouncilViewer | NonCouncilViewer;
