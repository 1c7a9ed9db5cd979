-- Live video (issue 16). A camera that only speaks RTSP is pulled by a relay from pull_url; cameras are linked to a
-- tank (tank_id, 002) and/or a hazard source, and always to their enterprise.
alter table cameras add column pull_url text;
alter table cameras add column hazard_source_id integer references hazard_sources(id) on delete set null;
create index cameras_tank on cameras(tank_id) where tank_id is not null;
create index cameras_hazard_source on cameras(hazard_source_id) where hazard_source_id is not null;

-- The wall's video grid per user: size 1/4/9/16, what each pane shows, the patrol (轮巡) list and interval.
create table video_layouts (
  user_id integer primary key references users(id) on delete cascade,
  layout jsonb not null,
  updated_at timestamptz not null default now()
);

-- Snapshots and clips taken from live video when an alarm was raised at a linked source. Files live under
-- DATA_DIR/attachments/<alarm_id>/; the rows go with the alarm (retention), the files are swept after them.
create table alarm_video_media (
  id uuid primary key,
  alarm_id integer not null references alarms(id) on delete cascade,
  camera_stream text not null,
  kind text not null check (kind in ('snapshot', 'clip')),
  file text not null,
  status text not null check (status in ('recording', 'ready', 'failed')),
  created_at timestamptz not null default now()
);
create index alarm_video_media_alarm on alarm_video_media(alarm_id);
