-- The JT/T 808 terminal device bound to each vehicle at its first registration (0x0100), and from a 2019 terminal
-- its IMEI (0x0102). A registration from any other device is refused until an operator releases the binding.
alter table vehicles add column terminal_id text;
alter table vehicles add column terminal_maker text;
alter table vehicles add column terminal_model text;
alter table vehicles add column terminal_imei text;
alter table vehicles add column terminal_bound_at timestamptz;

-- Auth codes are kept only as a SHA-256 hash (the format of registry/terminal-auth-codes.ts:
-- 'sha256$' and base64url without padding), so a database read alone does not hand them out.
alter table vehicles rename column auth_code to auth_code_hash;
update vehicles
   set auth_code_hash = 'sha256$' || rtrim(translate(encode(sha256(convert_to(auth_code_hash, 'UTF8')), 'base64'), '+/', '-_'), '=')
 where auth_code_hash is not null;
