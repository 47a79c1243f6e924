-- The ledger enforces itself: inserting a transfer moves both balances and
-- stamps the balances after it. accounts' CHECK (no overdraft) aborts the
-- whole batch if a debit would take a member or an escrow below zero.
CREATE TRIGGER transfers_apply AFTER INSERT ON transfers
BEGIN
  UPDATE accounts SET balance = balance - NEW.amount WHERE id = NEW.from_account;
  UPDATE accounts SET balance = balance + NEW.amount WHERE id = NEW.to_account;
  UPDATE transfers
    SET from_balance_after = (SELECT balance FROM accounts WHERE id = NEW.from_account),
        to_balance_after = (SELECT balance FROM accounts WHERE id = NEW.to_account)
    WHERE seq = NEW.seq;
END;
--> statement-breakpoint
-- Entries are never changed or removed; a correction is a new 'adjustment' transfer.
CREATE TRIGGER transfers_append_only_update
BEFORE UPDATE OF id, from_account, to_account, amount, reason, reason_key, created_at ON transfers
BEGIN
  SELECT RAISE(ABORT, 'transfers are append-only');
END;
--> statement-breakpoint
CREATE TRIGGER transfers_append_only_delete BEFORE DELETE ON transfers
BEGIN
  SELECT RAISE(ABORT, 'transfers are append-only');
END;
--> statement-breakpoint
-- The mint: its balance is minus everything ever issued.
INSERT INTO accounts (id, kind, balance) VALUES ('mint', 'mint', 0);
