using System.Text;
using Platform.ServiceDefaults.Auditing;

namespace Platform.HomeAffairs.Model;

/// <summary>The level and kind of an administrative unit.</summary>
public enum AdministrativeUnitKind
{
    /// <summary>Tỉnh.</summary>
    Province = 1,
    /// <summary>Thành phố trực thuộc trung ương.</summary>
    CentrallyRunCity = 2,
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
    public long Revision { get; private set; }

    /// <summary>PostgreSQL's row version (xmin), the optimistic concurrency token behind the etag.</summary>
    public uint RowVersion { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public string AuditResource => $"administrative-units/{Code}";
    public DateTimeOffset UpdatedAt { get; private set; }

    public static AdministrativeUnit Create(string code, string name, AdministrativeUnitKind kind, string? parentCode, DateTimeOffset now) =>
        new(code, NormalizeName(name), kind, parentCode, revision: 1, createdAt: now, updatedAt: now);

    /// <summary>Applies new values; returns false (and changes nothing) when they equal the current ones.</summary>
    public bool Change(string name, AdministrativeUnitKind kind, string? parentCode, DateTimeOffset now)
    {
        name = NormalizeName(name);
        if (name == Name && kind == Kind && parentCode == ParentCode)
        {
            return false;
        }
        Name = name;
        Kind = kind;
        ParentCode = parentCode;
        Revision++;
        UpdatedAt = now;
        return true;
    }

    /// <summary>
    /// Vietnamese text can arrive composed or decomposed (a + combining marks); stored NFC so that
    /// equal names compare, sort and search as equal.
    /// </summary>
    public static string NormalizeName(string name) => name.Trim().Normalize(NormalizationForm.FormC);
}
