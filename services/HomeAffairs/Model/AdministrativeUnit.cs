using System.Text;
using Platform.Contracts.IntegrationEvents;
using Platform.Auditing;

namespace Platform.HomeAffairs.Model;

/// <summary>The level and kind of an administrative unit.</summary>
public enum AdministrativeUnitKind
{
    /// <summary>Tỉnh.</summary>
    Province = 1,
    /// <summary>Thành phố trực thuộc trung ương.</summary>
    CentrallyRunCity = 2,
    /// <summary>Cấp huyện: huyện, quận, thị xã, thành phố thuộc tỉnh.</summary>
    District = 3,
    /// <summary>Cấp xã: xã, phường, thị trấn.</summary>
    Commune = 4,
}

/// <summary>
/// An administrative unit (đơn vị hành chính) of Viet Nam, owned by Home Affairs. Every change
/// increases <see cref="Revision"/>, which the copies kept by the other bodies follow.
/// </summary>
public sealed class AdministrativeUnit : IAuditable
{
    // Parameters named after properties so that EF Core materializes through this constructor too.
    private AdministrativeUnit(
        string code, string name, AdministrativeUnitKind kind, string? parentCode, long revision, DateTimeOffset createdAt, DateTimeOffset updatedAt)
    {
        Code = code;
        Name = name;
        Kind = kind;
        ParentCode = parentCode;
        Revision = revision;
        CreatedAt = createdAt;
        UpdatedAt = updatedAt;
    }

    /// <summary>The statistical code (mã đơn vị hành chính), e.g. "01" for Hà Nội.</summary>
    public string Code { get; private set; }

    /// <summary>The Vietnamese name, with diacritics, in Unicode NFC.</summary>
    public string Name { get; private set; }

    public AdministrativeUnitKind Kind { get; private set; }
    public string? ParentCode { get; private set; }

    /// <summary>The unit exists from <see cref="ValidFrom"/> (null: always has) until <see cref="ValidTo"/> (null: still does).</summary>
    public DateOnly? ValidFrom { get; private set; }
    public DateOnly? ValidTo { get; private set; }

    /// <summary>The unit that took this one over when it was merged.</summary>
    public string? SuccessorCode { get; private set; }

    /// <summary>The names it had before <see cref="Name"/>, oldest first: a code outlives a name when a merged unit keeps it.</summary>
    public List<FormerName> FormerNames { get; private set; } = [];

    /// <summary>Its name on <paramref name="date"/>.</summary>
    public string NameOn(DateOnly date) => FormerName.NameOn(Name, FormerNames, date);

    public long Revision { get; private set; }

    /// <summary>PostgreSQL's row version (xmin), the optimistic concurrency token behind the etag.</summary>
    public uint RowVersion { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public string AuditResource => $"administrative-units/{Code}";
    public DateTimeOffset UpdatedAt { get; private set; }

    public static AdministrativeUnit Create(string code, string name, AdministrativeUnitKind kind, string? parentCode, DateTimeOffset now,
        DateOnly? validFrom = null, DateOnly? validTo = null, string? successorCode = null, IEnumerable<FormerName>? formerNames = null) =>
        new(code, NormalizeName(name), kind, parentCode, revision: 1, createdAt: now, updatedAt: now)
        {
            ValidFrom = validFrom, ValidTo = validTo, SuccessorCode = successorCode, FormerNames = Normalized(formerNames),
        };

    /// <summary>Applies new values; returns false (and changes nothing) when they equal the current ones.</summary>
    public bool Change(string name, AdministrativeUnitKind kind, string? parentCode, DateTimeOffset now) =>
        Change(name, kind, parentCode, ValidFrom, ValidTo, SuccessorCode, FormerNames, now);

    /// <summary>
    /// Applies new values, validity included (renaming keeps the code; merging closes the unit with
    /// <paramref name="validTo"/> and names its successor). Returns false when nothing changes.
    /// </summary>
    public bool Change(string name, AdministrativeUnitKind kind, string? parentCode, DateOnly? validFrom, DateOnly? validTo, string? successorCode,
        IEnumerable<FormerName> formerNames, DateTimeOffset now)
    {
        name = NormalizeName(name);
        var former = Normalized(formerNames);
        if (name == Name && kind == Kind && parentCode == ParentCode && validFrom == ValidFrom && validTo == ValidTo && successorCode == SuccessorCode
            && former.SequenceEqual(FormerNames))
        {
            return false;
        }
        (Name, Kind, ParentCode, ValidFrom, ValidTo, SuccessorCode, FormerNames) = (name, kind, parentCode, validFrom, validTo, successorCode, former);
        Revision++;
        UpdatedAt = now;
        return true;
    }

    /// <summary>
    /// Vietnamese text can arrive composed or decomposed (a + combining marks); stored NFC so that
    /// equal names compare, sort and search as equal.
    /// </summary>
    public static string NormalizeName(string name) => name.Trim().Normalize(NormalizationForm.FormC);

    /// <summary>Former names in NFC, oldest first.</summary>
    private static List<FormerName> Normalized(IEnumerable<FormerName>? formerNames) =>
        (formerNames ?? []).Select(f => f with { Name = NormalizeName(f.Name) }).OrderBy(f => f.ValidTo).ToList();
}
