import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

export interface BoardRecord {
  id: string;
  name: string;
}

export interface SchoolRecord {
  id: string;
  boardId: string;
  name: string;
}

/** Boards (besturen) and their schools. */
export class BoardsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async anyBoardExists(): Promise<boolean> {
    const row = await this.db.selectFrom('boards').select('id').limit(1).executeTakeFirst();
    return row !== undefined;
  }

  async createBoard(board: { id: string; name: string; at: Date }, executor: Kysely<Database> = this.db): Promise<void> {
    await executor.insertInto('boards').values({ id: board.id, name: board.name, created_at: board.at.toISOString() }).execute();
  }

  async createSchool(school: { id: string; boardId: string; name: string; at: Date }, executor: Kysely<Database> = this.db): Promise<void> {
    await executor
      .insertInto('schools')
      .values({ id: school.id, board_id: school.boardId, name: school.name, created_at: school.at.toISOString() })
      .execute();
  }

  async findBoard(id: string): Promise<BoardRecord | null> {
    const row = await this.db.selectFrom('boards').select(['id', 'name']).where('id', '=', id).executeTakeFirst();
    return row ?? null;
  }

  async findSchool(id: string): Promise<SchoolRecord | null> {
    const row = await this.db.selectFrom('schools').select(['id', 'board_id', 'name']).where('id', '=', id).executeTakeFirst();
    return row ? { id: row.id, boardId: row.board_id, name: row.name } : null;
  }

  async schoolsOfBoard(boardId: string): Promise<SchoolRecord[]> {
    const rows = await this.db.selectFrom('schools').select(['id', 'board_id', 'name']).where('board_id', '=', boardId).orderBy('name').execute();
    return rows.map((r) => ({ id: r.id, boardId: r.board_id, name: r.name }));
  }

  /** The school made first; where a command names none, it means this one. */
  async firstSchool(): Promise<SchoolRecord | null> {
    const row = await this.db.selectFrom('schools').select(['id', 'board_id', 'name']).orderBy('created_at').orderBy('id').limit(1).executeTakeFirst();
    return row ? { id: row.id, boardId: row.board_id, name: row.name } : null;
  }

  async findSchoolByName(name: string): Promise<SchoolRecord | null> {
    const row = await this.db.selectFrom('schools').select(['id', 'board_id', 'name']).where('name', '=', name).executeTakeFirst();
    return row ? { id: row.id, boardId: row.board_id, name: row.name } : null;
  }
}
