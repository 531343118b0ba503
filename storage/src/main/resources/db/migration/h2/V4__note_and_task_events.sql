-- H2 twin of db/migration/postgresql/V4__note_and_task_events.sql: keep both in step.

-- Note and task events name the note or task they are about (subject_id) and, for tasks, its title
-- (subject_title), which rules will match on. Contact and badge events leave both empty.
ALTER TABLE event_inbox ADD COLUMN subject_id VARCHAR;
ALTER TABLE event_inbox ADD COLUMN subject_title VARCHAR;
