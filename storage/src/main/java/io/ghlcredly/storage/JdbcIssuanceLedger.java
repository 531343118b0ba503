package io.ghlcredly.storage;

import io.ghlcredly.core.error.NotFoundException;
import io.ghlcredly.core.error.StorageException;
import io.ghlcredly.core.model.BadgeState;
import io.ghlcredly.core.model.BadgeTemplateId;
import io.ghlcredly.core.model.ContactId;
import io.ghlcredly.core.model.Issuance;
import io.ghlcredly.core.model.RuleId;
import io.ghlcredly.core.port.IssuanceLedger;
import io.ghlcredly.storage.internal.SqlStates;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The issuance ledger in table {@code issuance}, keyed by (contact_id, badge_template_id). A claim
 * inserts the row if absent, or turns a REVOKED or REPLACED row back into PENDING with one
 * conditional UPDATE, and then reads it: of any number of concurrent claims of one pair, in one
 * process or several, exactly one is newly claimed. Releasing FAILED pairs deletes their rows, so
 * that the next claim inserts afresh. Thread-safe.
 */
public final class JdbcIssuanceLedger implements IssuanceLedger {
  private static final String INSERT =
      "INSERT INTO issuance (contact_id, badge_template_id, rule_id, state, badge_id,"
          + " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)";
  private static final String SELECT =
      "SELECT contact_id, badge_template_id, rule_id, state, badge_id, created_at, updated_at,"
          + " badge_state FROM issuance";

  /**
   * A re-claim starts a new issuance: the old badge id and the provider's state of the old badge
   * go, while badge_state_at stays so that a late event about the old badge cannot pass as news.
   */
  private static final String RECLAIM =
      "UPDATE issuance SET state = ?, rule_id = ?, badge_id = NULL, badge_state = NULL,"
          + " created_at = ?, updated_at = ? WHERE contact_id = ? AND badge_template_id = ?"
          + " AND state IN (?, ?)";

  private final Database database;
  private final Jdbc jdbc;

  public JdbcIssuanceLedger(Database database) {
    this.database = database;
    this.jdbc = new Jdbc(database);
  }

  @Override
  public Claim claim(ContactId contactId, BadgeTemplateId templateId, RuleId ruleId, Instant now) {
    boolean inserted =
        insertIfAbsent(
            contactId.value(),
            templateId.value(),
            ruleId.value(),
            Issuance.State.PENDING.name(),
            null,
            now,
            now);
    boolean claimed = inserted || reclaim(contactId, templateId, ruleId, now);
    Issuance issuance =
        find(contactId, templateId)
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "issuance of " + templateId + " to " + contactId + " vanished"));
    return new Claim(issuance, claimed);
  }

  /** Whether this call turned a revoked or replaced pair into PENDING (only one caller can). */
  private boolean reclaim(
      ContactId contactId, BadgeTemplateId templateId, RuleId ruleId, Instant now) {
    return jdbc.update(
            RECLAIM,
            Issuance.State.PENDING.name(),
            ruleId.value(),
            now,
            now,
            contactId.value(),
            templateId.value(),
            Issuance.State.REVOKED.name(),
            Issuance.State.REPLACED.name())
        == 1;
  }

  private boolean insertIfAbsent(@Nullable Object... params) {
    return switch (database.dialect()) {
      case POSTGRESQL ->
          jdbc.update(INSERT + " ON CONFLICT (contact_id, badge_template_id) DO NOTHING", params)
              == 1;
      case H2 -> {
        try {
          yield jdbc.update(INSERT, params) == 1;
        } catch (StorageException e) {
          if (SqlStates.isUniqueViolation(e)) {
            yield false;
          }
          throw e;
        }
      }
    };
  }

  @Override
  public void markIssued(
      ContactId contactId, BadgeTemplateId templateId, String badgeId, Instant now) {
    requireUpdated(
        jdbc.update(
            "UPDATE issuance SET state = ?, badge_id = ?, updated_at = ?"
                + " WHERE contact_id = ? AND badge_template_id = ?",
            Issuance.State.ISSUED.name(),
            badgeId,
            now,
            contactId.value(),
            templateId.value()),
        contactId,
        templateId);
  }

  @Override
  public void markRevoked(ContactId contactId, BadgeTemplateId templateId, Instant now) {
    setState(contactId, templateId, Issuance.State.REVOKED, now);
  }

  @Override
  public void markReplaced(
      ContactId contactId,
      BadgeTemplateId oldTemplate,
      BadgeTemplateId newTemplate,
      String newBadgeId,
      RuleId ruleId,
      Instant now) {
    database.inTransaction(
        connection -> {
          setState(contactId, oldTemplate, Issuance.State.REPLACED, now);
          upsertIssued(contactId, newTemplate, newBadgeId, ruleId, now);
          return true;
        });
  }

  /**
   * The new pair becomes ISSUED with the replacement badge, whether it had a row or not. A row it
   * had belonged to an earlier badge of the template: that badge's provider state goes too.
   */
  private void upsertIssued(
      ContactId contactId, BadgeTemplateId templateId, String badgeId, RuleId ruleId, Instant now) {
    String update =
        "UPDATE issuance SET state = ?, badge_id = ?, rule_id = ?, badge_state = NULL,"
            + " updated_at = ? WHERE contact_id = ? AND badge_template_id = ?";
    @Nullable Object[] updateParams = {
      Issuance.State.ISSUED.name(),
      badgeId,
      ruleId.value(),
      now,
      contactId.value(),
      templateId.value()
    };
    if (jdbc.update(update, updateParams) == 1) {
      return;
    }
    boolean inserted =
        insertIfAbsent(
            contactId.value(),
            templateId.value(),
            ruleId.value(),
            Issuance.State.ISSUED.name(),
            badgeId,
            now,
            now);
    if (!inserted) {
      // A concurrent claim inserted the pair between the update and the insert.
      jdbc.update(update, updateParams);
    }
  }

  @Override
  public int releaseFailed(ContactId contactId, Instant now) {
    return jdbc.update(
        "DELETE FROM issuance WHERE contact_id = ? AND state = ?",
        contactId.value(),
        Issuance.State.FAILED.name());
  }

  @Override
  public void markFailed(ContactId contactId, BadgeTemplateId templateId, Instant now) {
    setState(contactId, templateId, Issuance.State.FAILED, now);
  }

  /** Sets the state of an existing pair, keeping its badge id. */
  private void setState(
      ContactId contactId, BadgeTemplateId templateId, Issuance.State state, Instant now) {
    requireUpdated(
        jdbc.update(
            "UPDATE issuance SET state = ?, updated_at = ?"
                + " WHERE contact_id = ? AND badge_template_id = ?",
            state.name(),
            now,
            contactId.value(),
            templateId.value()),
        contactId,
        templateId);
  }

  @Override
  public boolean recordBadgeState(
      ContactId contactId,
      BadgeTemplateId templateId,
      String badgeId,
      BadgeState state,
      Instant reportedAt,
      Instant now) {
    // One statement: the checks and the write cannot interleave with another report. SET
    // expressions read the row as it was, so "adopt" is decided on the old state.
    boolean adoptable = state != BadgeState.REVOKED && state != BadgeState.DELETED;
    String unresolved = "state IN ('PENDING', 'FAILED') AND ?";
    return jdbc.update(
            "UPDATE issuance SET state = CASE WHEN "
                + unresolved
                + " THEN 'ISSUED' ELSE state END, badge_id = CASE WHEN "
                + unresolved
                + " THEN ? ELSE badge_id END, badge_state = ?, badge_state_at = ?, updated_at = ?"
                + " WHERE contact_id = ? AND badge_template_id = ?"
                + " AND (badge_state_at IS NULL OR badge_state_at <= ?)"
                + " AND (badge_id = ? OR ("
                + unresolved
                + "))",
            adoptable,
            adoptable,
            badgeId,
            state.wireName(),
            reportedAt,
            now,
            contactId.value(),
            templateId.value(),
            reportedAt,
            badgeId,
            adoptable)
        == 1;
  }

  private static void requireUpdated(int rows, ContactId contactId, BadgeTemplateId templateId) {
    if (rows == 0) {
      throw new NotFoundException(
          "no issuance of badge template " + templateId + " to contact " + contactId);
    }
  }

  @Override
  public Optional<Issuance> find(ContactId contactId, BadgeTemplateId templateId) {
    return jdbc.queryOne(
        SELECT + " WHERE contact_id = ? AND badge_template_id = ?",
        JdbcIssuanceLedger::issuance,
        contactId.value(),
        templateId.value());
  }

  @Override
  public List<Issuance> listByContact(ContactId contactId) {
    return jdbc.query(
        SELECT + " WHERE contact_id = ? ORDER BY created_at, badge_template_id",
        JdbcIssuanceLedger::issuance,
        contactId.value());
  }

  @Override
  public long countIssued() {
    return jdbc.queryLong(
        "SELECT COUNT(*) FROM issuance WHERE state = ?", Issuance.State.ISSUED.name());
  }

  private static Issuance issuance(ResultSet row) throws SQLException {
    return new Issuance(
        new ContactId(row.getString("contact_id")),
        new BadgeTemplateId(row.getString("badge_template_id")),
        new RuleId(row.getString("rule_id")),
        Issuance.State.valueOf(row.getString("state")),
        row.getString("badge_id"),
        Jdbc.instant(row, "created_at"),
        Jdbc.instant(row, "updated_at"),
        badgeState(row.getString("badge_state")));
  }

  private static @Nullable BadgeState badgeState(@Nullable String stored) {
    return stored == null ? null : BadgeState.parse(stored).orElse(null);
  }
}
