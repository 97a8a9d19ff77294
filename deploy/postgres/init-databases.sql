-- docker-compose.yml only (the PostgreSQL image runs this once, on an empty data volume): one database per service,
-- as the architecture wants (each service owns its data; no service reads another's), and two roles per database
-- (README.md, "Databases and roles"):
--   <database>_owner    owns the database and its tables; only the service's `migrate` connects as it
--   <database>_service  the service's server and seed connect as it; `migrate` grants it data access only (CONNECT,
--                       SELECT/INSERT/UPDATE/DELETE, the audit trail SELECT/INSERT), so it cannot alter, disable or
--                       bypass the audit trail's append-only triggers
-- DEVELOPMENT SECRETS: these passwords are for a local compose run only, never for a shared or real database.
-- Kubernetes gets its databases and generated credentials from CloudNativePG instead (k8s/README.md).

CREATE ROLE organization_owner LOGIN PASSWORD 'organization-owner-dev-password';
CREATE ROLE organization_service LOGIN PASSWORD 'organization-service-dev-password';
CREATE DATABASE organization OWNER organization_owner ENCODING 'UTF8';
REVOKE ALL ON DATABASE organization FROM PUBLIC;

CREATE ROLE home_affairs_owner LOGIN PASSWORD 'home-affairs-owner-dev-password';
CREATE ROLE home_affairs_service LOGIN PASSWORD 'home-affairs-service-dev-password';
CREATE DATABASE home_affairs OWNER home_affairs_owner ENCODING 'UTF8';
REVOKE ALL ON DATABASE home_affairs FROM PUBLIC;

CREATE ROLE delegate_affairs_owner LOGIN PASSWORD 'delegate-affairs-owner-dev-password';
CREATE ROLE delegate_affairs_service LOGIN PASSWORD 'delegate-affairs-service-dev-password';
CREATE DATABASE delegate_affairs OWNER delegate_affairs_owner ENCODING 'UTF8';
REVOKE ALL ON DATABASE delegate_affairs FROM PUBLIC;
