package io.ghlcredly.ghl.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The writable fields of a contact: {@code CreateContactDto} without {@code locationId} (which the
 * client adds for create and upsert). Only non-null fields are sent. {@code UpdateContactDto} has
 * neither {@code gender}, {@code companyName} nor (by our rule) {@code tags}: tags change only
 * through the tag endpoints, because {@code tags} in an update or upsert replaces all of the
 * contact's tags. Build with {@link #builder()}.
 *
 * @param dateOfBirth {@code YYYY-MM-DD} (HighLevel also accepts other orders and separators)
 * @param dndSettings by channel: {@code Call, Email, SMS, WhatsApp, GMB, FB}
 */
public record ContactInput(
    @Nullable String firstName,
    @Nullable String lastName,
    @Nullable String name,
    @Nullable String email,
    @Nullable String gender,
    @Nullable String phone,
    @Nullable String address1,
    @Nullable String city,
    @Nullable String state,
    @Nullable String postalCode,
    @Nullable String website,
    @Nullable String timezone,
    @Nullable Boolean dnd,
    @Nullable Map<String, GhlDndSetting> dndSettings,
    @Nullable GhlInboundDndSettings inboundDndSettings,
    @Nullable List<String> tags,
    @Nullable List<GhlCustomFieldValue> customFields,
    @Nullable String source,
    @Nullable String dateOfBirth,
    @Nullable String country,
    @Nullable String companyName,
    @Nullable String assignedTo) {
  public ContactInput {
    tags = tags == null ? null : List.copyOf(tags);
    customFields = customFields == null ? null : List.copyOf(customFields);
    dndSettings = dndSettings == null ? null : Map.copyOf(dndSettings);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Fields {@code PUT /contacts/{contactId}} refuses or that must not be sent there. */
  public List<String> fieldsNotForUpdate() {
    List<String> refused = new ArrayList<>();
    if (gender != null) {
      refused.add("gender");
    }
    if (companyName != null) {
      refused.add("companyName");
    }
    if (tags != null) {
      refused.add("tags");
    }
    return refused;
  }

  /** Builds a {@link ContactInput}; unset fields stay null and are not sent. Not thread-safe. */
  public static final class Builder {
    private @Nullable String firstName;
    private @Nullable String lastName;
    private @Nullable String name;
    private @Nullable String email;
    private @Nullable String gender;
    private @Nullable String phone;
    private @Nullable String address1;
    private @Nullable String city;
    private @Nullable String state;
    private @Nullable String postalCode;
    private @Nullable String website;
    private @Nullable String timezone;
    private @Nullable Boolean dnd;
    private @Nullable Map<String, GhlDndSetting> dndSettings;
    private @Nullable GhlInboundDndSettings inboundDndSettings;
    private @Nullable List<String> tags;
    private @Nullable List<GhlCustomFieldValue> customFields;
    private @Nullable String source;
    private @Nullable String dateOfBirth;
    private @Nullable String country;
    private @Nullable String companyName;
    private @Nullable String assignedTo;

    private Builder() {}

    public Builder firstName(@Nullable String value) {
      this.firstName = value;
      return this;
    }

    public Builder lastName(@Nullable String value) {
      this.lastName = value;
      return this;
    }

    public Builder name(@Nullable String value) {
      this.name = value;
      return this;
    }

    public Builder email(@Nullable String value) {
      this.email = value;
      return this;
    }

    public Builder gender(@Nullable String value) {
      this.gender = value;
      return this;
    }

    public Builder phone(@Nullable String value) {
      this.phone = value;
      return this;
    }

    public Builder address1(@Nullable String value) {
      this.address1 = value;
      return this;
    }

    public Builder city(@Nullable String value) {
      this.city = value;
      return this;
    }

    public Builder state(@Nullable String value) {
      this.state = value;
      return this;
    }

    public Builder postalCode(@Nullable String value) {
      this.postalCode = value;
      return this;
    }

    public Builder website(@Nullable String value) {
      this.website = value;
      return this;
    }

    public Builder timezone(@Nullable String value) {
      this.timezone = value;
      return this;
    }

    public Builder dnd(@Nullable Boolean value) {
      this.dnd = value;
      return this;
    }

    public Builder dndSettings(@Nullable Map<String, GhlDndSetting> value) {
      this.dndSettings = value;
      return this;
    }

    public Builder inboundDndSettings(@Nullable GhlInboundDndSettings value) {
      this.inboundDndSettings = value;
      return this;
    }

    public Builder tags(@Nullable List<String> value) {
      this.tags = value;
      return this;
    }

    public Builder customFields(@Nullable List<GhlCustomFieldValue> value) {
      this.customFields = value;
      return this;
    }

    public Builder source(@Nullable String value) {
      this.source = value;
      return this;
    }

    public Builder dateOfBirth(@Nullable String value) {
      this.dateOfBirth = value;
      return this;
    }

    public Builder country(@Nullable String value) {
      this.country = value;
      return this;
    }

    public Builder companyName(@Nullable String value) {
      this.companyName = value;
      return this;
    }

    public Builder assignedTo(@Nullable String value) {
      this.assignedTo = value;
      return this;
    }

    public ContactInput build() {
      return new ContactInput(
          firstName,
          lastName,
          name,
          email,
          gender,
          phone,
          address1,
          city,
          state,
          postalCode,
          website,
          timezone,
          dnd,
          dndSettings,
          inboundDndSettings,
          tags,
          customFields,
          source,
          dateOfBirth,
          country,
          companyName,
          assignedTo);
    }
  }
}
