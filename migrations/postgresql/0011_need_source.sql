-- Who recorded a pupil's primary need, and when: schools' and local authorities' codes often
-- differ. Requests already held take the usual source for their route; drafts without a
-- route keep it unset.
ALTER TABLE request_pupils ADD COLUMN primary_need_source TEXT NOT NULL DEFAULT '';
ALTER TABLE request_pupils ADD COLUMN primary_need_recorded_on TEXT;
UPDATE request_pupils SET primary_need_source =
    CASE WHEN need_route IN ('ehcp', 'annual_review') THEN 'local_authority' ELSE 'school' END
    WHERE primary_need_source = '' AND need_route <> '';
