-- revisions: 0017
CREATE TABLE alembic_version (
	version_num VARCHAR(32) NOT NULL, 
	CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
);
CREATE TABLE conversations (
	id INTEGER NOT NULL, 
	identity_id INTEGER NOT NULL, 
	state VARCHAR(32) NOT NULL, 
	data JSON NOT NULL, 
	version INTEGER NOT NULL, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, window_started_at DATETIME, window_count INTEGER, window_warned BOOLEAN, keyboard_token VARCHAR(16), keyboard_language VARCHAR(8), 
	CONSTRAINT pk_conversations PRIMARY KEY (id), 
	CONSTRAINT fk_conversations_identity_id_identities FOREIGN KEY(identity_id) REFERENCES identities (id) ON DELETE CASCADE, 
	CONSTRAINT uq_conversations_identity_id UNIQUE (identity_id)
);
CREATE TABLE credit_grants (
	id INTEGER NOT NULL, 
	org_id INTEGER NOT NULL, 
	domain VARCHAR(255) NOT NULL, 
	amount_minor INTEGER NOT NULL, 
	currency VARCHAR(3) NOT NULL, 
	created_at DATETIME NOT NULL, 
	exhausted_at DATETIME, 
	CONSTRAINT pk_credit_grants PRIMARY KEY (id), 
	CONSTRAINT ck_credit_grants_amount CHECK (amount_minor > 0), 
	CONSTRAINT fk_credit_grants_org_id_organizations FOREIGN KEY(org_id) REFERENCES organizations (id) ON DELETE CASCADE, 
	CONSTRAINT uq_credit_grants_domain UNIQUE (domain), 
	CONSTRAINT uq_credit_grants_org_id UNIQUE (org_id)
);
CREATE TABLE credit_usages (
	id INTEGER NOT NULL, 
	org_id INTEGER NOT NULL, 
	idempotency_key VARCHAR(255) NOT NULL, 
	amount_minor INTEGER NOT NULL, 
	applied_minor INTEGER NOT NULL, 
	remaining_minor INTEGER NOT NULL, 
	currency VARCHAR(3) NOT NULL, 
	created_at DATETIME NOT NULL, 
	CONSTRAINT pk_credit_usages PRIMARY KEY (id), 
	CONSTRAINT ck_credit_usages_amount CHECK (amount_minor > 0), 
	CONSTRAINT ck_credit_usages_applied CHECK (applied_minor >= 0 AND applied_minor <= amount_minor), 
	CONSTRAINT ck_credit_usages_remaining CHECK (remaining_minor >= 0), 
	CONSTRAINT fk_credit_usages_org_id_organizations FOREIGN KEY(org_id) REFERENCES organizations (id) ON DELETE CASCADE, 
	CONSTRAINT uq_credit_usages_idempotency_key UNIQUE (idempotency_key)
);
CREATE TABLE email_confirmations (
	id INTEGER NOT NULL, 
	org_id INTEGER NOT NULL, 
	token_hash VARCHAR(64) NOT NULL, 
	email VARCHAR(320), 
	created_at DATETIME NOT NULL, 
	expires_at DATETIME NOT NULL, 
	used_at DATETIME, 
	revoked_at DATETIME, 
	CONSTRAINT pk_email_confirmations PRIMARY KEY (id), 
	CONSTRAINT fk_email_confirmations_org_id_organizations FOREIGN KEY(org_id) REFERENCES organizations (id) ON DELETE CASCADE, 
	CONSTRAINT uq_email_confirmations_token_hash UNIQUE (token_hash)
);
CREATE TABLE history (
	id INTEGER NOT NULL, 
	identity_id INTEGER, 
	author VARCHAR(8), 
	text TEXT, 
	conversation_id INTEGER, 
	channel VARCHAR(32), 
	language VARCHAR(8), 
	step VARCHAR(32), 
	at DATETIME NOT NULL, 
	CONSTRAINT pk_history PRIMARY KEY (id), 
	CONSTRAINT fk_history_identity_id_identities FOREIGN KEY(identity_id) REFERENCES identities (id) ON DELETE CASCADE
);
CREATE TABLE identities (
	id INTEGER NOT NULL, 
	channel VARCHAR(32) NOT NULL, 
	external_id VARCHAR(128) NOT NULL, 
	created_at DATETIME NOT NULL, 
	CONSTRAINT pk_identities PRIMARY KEY (id), 
	CONSTRAINT uq_identities_channel UNIQUE (channel, external_id)
);
CREATE TABLE invitation_opt_outs (
	email VARCHAR(320) NOT NULL, 
	created_at DATETIME NOT NULL, 
	CONSTRAINT pk_invitation_opt_outs PRIMARY KEY (email)
);
CREATE TABLE invitations (
	id INTEGER NOT NULL, 
	org_id INTEGER NOT NULL, 
	email VARCHAR(320) NOT NULL, 
	invited_by VARCHAR(320), 
	token_hash VARCHAR(64) NOT NULL, 
	created_at DATETIME NOT NULL, 
	expires_at DATETIME NOT NULL, 
	accepted_at DATETIME, 
	revoked_at DATETIME, 
	CONSTRAINT pk_invitations PRIMARY KEY (id), 
	CONSTRAINT fk_invitations_org_id_organizations FOREIGN KEY(org_id) REFERENCES organizations (id) ON DELETE CASCADE, 
	CONSTRAINT uq_invitations_token_hash UNIQUE (token_hash)
);
CREATE TABLE ip_windows (
	address VARCHAR(64) NOT NULL, 
	started_at DATETIME NOT NULL, 
	count INTEGER NOT NULL, 
	CONSTRAINT pk_ip_windows PRIMARY KEY (address)
);
CREATE TABLE members (
	id INTEGER NOT NULL, 
	org_id INTEGER NOT NULL, 
	email VARCHAR(320) NOT NULL, 
	invitation_id INTEGER, 
	joined_at DATETIME NOT NULL, 
	CONSTRAINT pk_members PRIMARY KEY (id), 
	CONSTRAINT fk_members_org_id_organizations FOREIGN KEY(org_id) REFERENCES organizations (id) ON DELETE CASCADE, 
	CONSTRAINT uq_members_org_id UNIQUE (org_id, email)
);
CREATE TABLE "organizations" (
	id INTEGER NOT NULL, 
	identity_id INTEGER, 
	channel VARCHAR(32) NOT NULL, 
	name VARCHAR(1024), 
	email VARCHAR(320), 
	domain VARCHAR(255), 
	language VARCHAR(8) NOT NULL, 
	currency VARCHAR(3) NOT NULL, 
	status VARCHAR(32) NOT NULL, 
	created_at DATETIME NOT NULL, 
	confirmed_at DATETIME, 
	credit_status VARCHAR(32), 
	CONSTRAINT pk_organizations PRIMARY KEY (id), 
	CONSTRAINT fk_organizations_identity_id_identities FOREIGN KEY(identity_id) REFERENCES identities (id) ON DELETE SET NULL
);
CREATE TABLE outbox (
	id INTEGER NOT NULL, 
	kind VARCHAR(32) NOT NULL, 
	identity_id INTEGER, 
	payload JSON NOT NULL, 
	created_at DATETIME NOT NULL, 
	available_at DATETIME NOT NULL, 
	attempts INTEGER NOT NULL, 
	claimed_until DATETIME, 
	done_at DATETIME, 
	last_error TEXT, 
	CONSTRAINT pk_outbox PRIMARY KEY (id), 
	CONSTRAINT fk_outbox_identity_id_identities FOREIGN KEY(identity_id) REFERENCES identities (id) ON DELETE CASCADE
);
CREATE TABLE payment_profiles (
	org_id INTEGER NOT NULL, 
	customer_id VARCHAR(255), 
	generation INTEGER NOT NULL, 
	link_requested_at DATETIME, 
	session_generation INTEGER NOT NULL, 
	session_id VARCHAR(255), 
	session_url TEXT, 
	session_expires_at DATETIME, 
	setup_intent_id VARCHAR(255), 
	status VARCHAR(16) NOT NULL, 
	payment_method_id VARCHAR(255), 
	method_type VARCHAR(32), 
	method_brand VARCHAR(64), 
	method_last4 VARCHAR(4), 
	method_country VARCHAR(2), 
	mandate_status VARCHAR(16), 
	failure_reason TEXT, 
	updated_at DATETIME NOT NULL, 
	CONSTRAINT pk_payment_profiles PRIMARY KEY (org_id), 
	CONSTRAINT fk_payment_profiles_org_id_organizations FOREIGN KEY(org_id) REFERENCES organizations (id) ON DELETE CASCADE, 
	CONSTRAINT uq_payment_profiles_session_id UNIQUE (session_id)
);
CREATE TABLE processed_updates (
	id INTEGER NOT NULL, 
	source VARCHAR(32) NOT NULL, 
	"key" VARCHAR(255) NOT NULL, 
	created_at DATETIME NOT NULL, replies JSON, 
	CONSTRAINT pk_processed_updates PRIMARY KEY (id), 
	CONSTRAINT uq_processed_updates_source UNIQUE (source, "key")
);
CREATE TABLE "telegram_chats" (
	chat_id BIGINT NOT NULL, 
	start_source VARCHAR(64), 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	CONSTRAINT pk_telegram_chats PRIMARY KEY (chat_id)
);
CREATE TABLE ticket_posts (
	id INTEGER NOT NULL, 
	ticket_id INTEGER NOT NULL, 
	desk VARCHAR(16) NOT NULL, 
	ref VARCHAR(64) NOT NULL, 
	CONSTRAINT pk_ticket_posts PRIMARY KEY (id), 
	CONSTRAINT fk_ticket_posts_ticket_id_tickets FOREIGN KEY(ticket_id) REFERENCES tickets (id) ON DELETE CASCADE
);
CREATE TABLE "tickets" (
	id INTEGER NOT NULL, 
	identity_id INTEGER, 
	status VARCHAR(16) NOT NULL, 
	resolution VARCHAR(16), 
	agent VARCHAR(128), 
	opened_at DATETIME NOT NULL, 
	taken_at DATETIME, 
	escalated_at DATETIME, 
	closed_at DATETIME, 
	sla_due_at DATETIME, 
	telegram_chat_id BIGINT, 
	telegram_topic_id INTEGER, 
	telegram_card_id INTEGER, 
	slack_channel VARCHAR(64), 
	slack_thread_ts VARCHAR(32), 
	CONSTRAINT pk_tickets PRIMARY KEY (id), 
	CONSTRAINT fk_tickets_identity_id_identities FOREIGN KEY(identity_id) REFERENCES identities (id) ON DELETE SET NULL
);
CREATE TABLE timers (
	id INTEGER NOT NULL, 
	identity_id INTEGER NOT NULL, 
	name VARCHAR(64) NOT NULL, 
	org_id INTEGER, 
	created_at DATETIME NOT NULL, 
	due_at DATETIME NOT NULL, 
	claimed_until DATETIME, 
	fired_at DATETIME, 
	cancelled_at DATETIME, 
	CONSTRAINT pk_timers PRIMARY KEY (id), 
	CONSTRAINT fk_timers_identity_id_identities FOREIGN KEY(identity_id) REFERENCES identities (id) ON DELETE CASCADE
);
CREATE TABLE web_chat_messages (
	id INTEGER NOT NULL, 
	identity_id INTEGER NOT NULL, 
	seq INTEGER NOT NULL, 
	author VARCHAR(8) NOT NULL, 
	message_id VARCHAR(64), 
	text TEXT NOT NULL, 
	buttons JSON NOT NULL, 
	keyboard VARCHAR(64), 
	language VARCHAR(8) NOT NULL, 
	created_at DATETIME NOT NULL, 
	CONSTRAINT pk_web_chat_messages PRIMARY KEY (id), 
	CONSTRAINT fk_web_chat_messages_identity_id_identities FOREIGN KEY(identity_id) REFERENCES identities (id) ON DELETE CASCADE, 
	CONSTRAINT uq_web_chat_messages_seq UNIQUE (identity_id, seq)
);
CREATE INDEX ix_credit_usages_org_id ON credit_usages (org_id);
CREATE INDEX ix_email_confirmations_org_id ON email_confirmations (org_id);
CREATE INDEX ix_history_at ON history (at);
CREATE INDEX ix_history_conversation_id ON history (conversation_id);
CREATE INDEX ix_history_identity_id ON history (identity_id);
CREATE INDEX ix_invitations_created_at ON invitations (created_at);
CREATE INDEX ix_invitations_email ON invitations (email);
CREATE INDEX ix_invitations_org_id ON invitations (org_id);
CREATE INDEX ix_ip_windows_started_at ON ip_windows (started_at);
CREATE INDEX ix_organizations_identity_id ON organizations (identity_id);
CREATE INDEX ix_outbox_available_at ON outbox (available_at);
CREATE INDEX ix_outbox_done_at ON outbox (done_at);
CREATE INDEX ix_outbox_identity_id ON outbox (identity_id);
CREATE INDEX ix_outbox_kind ON outbox (kind);
CREATE INDEX ix_payment_profiles_payment_method_id ON payment_profiles (payment_method_id);
CREATE INDEX ix_ticket_posts_ticket_id ON ticket_posts (ticket_id);
CREATE INDEX ix_tickets_identity_id ON tickets (identity_id);
CREATE INDEX ix_tickets_slack_thread_ts ON tickets (slack_thread_ts);
CREATE INDEX ix_tickets_status ON tickets (status);
CREATE INDEX ix_tickets_telegram_card_id ON tickets (telegram_card_id);
CREATE INDEX ix_timers_due_at ON timers (due_at);
CREATE INDEX ix_timers_identity_id ON timers (identity_id);
INSERT INTO alembic_version (version_num) VALUES ('0017');
