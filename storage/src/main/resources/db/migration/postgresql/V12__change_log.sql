-- Every change made through the browser or the admin API: who (an operator's email, or
-- admin-token), what, on what, when. The contact id, when the change concerns one contact (a
-- replay), lets `audit --contact` show it. Never holds a secret.
CREATE TABLE change_log (
  id BIGSERIAL PRIMARY KEY,
  changed_at TIMESTAMP WITH TIME ZONE NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  subject TEXT NOT NULL,
  contact_id TEXT
);
CREATE INDEX change_log_changed_at_idx ON change_log (changed_at);
CREATE INDEX change_log_contact_idx ON change_log (contact_id, changed_at);
