-- Heartbeat interval a terminal accepted through 0x8103, so its idle timeout still matches after a restart.
alter table vehicles add column heartbeat_s integer check (heartbeat_s > 0);
