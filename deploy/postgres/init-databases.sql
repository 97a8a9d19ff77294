-- docker-compose.yml only (the PostgreSQL image runs this once, on an empty data volume): one role and one
-- database per service, as the architecture wants (each service owns its data; no service reads another's).
-- DEVELOPMENT SECRETS: these passwords are for a local compose run only, never for a shared or real database.
-- Kubernetes gets its databases and generated credentials from CloudNativePG instead (k8s/README.md).

CREATE ROLE organization LOGIN PASSWORD 'organization-dev-password';
CREATE DATABASE organization OWNER organization ENCODING 'UTF8';
REVOKE ALL ON DATABASE organization FROM PUBLIC;

CREATE ROLE home_affairs LOGIN PASSWORD 'home-affairs-dev-password';
CREATE DATABASE home_affairs OWNER home_affairs ENCODING 'UTF8';
REVOKE ALL ON DATABASE home_affairs FROM PUBLIC;

CREATE ROLE delegate_affairs LOGIN PASSWORD 'delegate-affairs-dev-password';
CREATE DATABASE delegate_affairs OWNER delegate_affairs ENCODING 'UTF8';
REVOKE ALL ON DATABASE delegate_affairs FROM PUBLIC;
