using Platform.Api.Paging;
using Platform.Vietnamese;

namespace Platform.DelegateAffairs.Model;

public enum Sex
{
    Male = 1,
    Female = 2,
}

public enum NominatingLevel
{
    Central = 1,
    Local = 2,
    SelfNominated = 3,
}

public enum CandidateStatus
{
    Introduced = 1,
    PreliminaryList = 2,
    OfficialList = 3,
    Withdrawn = 4,
}

[Flags]
public enum DossierItems
{
    None = 0,
    Application = 1,
    CertifiedCv = 2,
    ShortBiography = 4,
    Photos = 8,
    AssetDeclaration = 16,
}

/// <summary>A person introduced for election (người ứng cử) in a constituency.</summary>
public sealed class Candidate : Platform.Auditing.IAuditable
{
    public Guid Id { get; init; }
    public required string ElectionId { get; init; }
    public required string ConstituencyId { get; set; }
    /// <summary>The constituency's province, kept here so that quota reports group without a join.</summary>
    public required string ProvinceCode { get; set; }
    public required string NationalId { get; set; }
    public string FullName { get; private set; } = "";
    /// <summary>The folded name (<see cref="VietnameseText.Fold"/>), indexed for search.</summary>
    public string SearchName { get; private set; } = "";
    /// <summary>Folded name and id: a unique key that orders and pages lists by name.</summary>
    public string ListKey { get; private set; } = "";
    public DateOnly BirthDate { get; set; }
    public Sex Sex { get; set; }
    public required string Ethnicity { get; set; }
    public bool PartyMember { get; set; }
    public string Occupation { get; set; } = "";
    public string Workplace { get; set; } = "";
    public string Residence { get; set; } = "";
    public NominatingLevel NominatingLevel { get; set; }
    public bool ReElected { get; set; }
    public bool FullTime { get; set; }
    public DossierItems DossierItems { get; set; }
    public CandidateStatus Status { get; set; } = CandidateStatus.Introduced;
    /// <summary>A nationality besides Vietnamese, if any ("" when none).</summary>
    public string OtherNationality { get; set; } = "";
    /// <summary>Grounds of Law 85/2015/QH13 art. 37 recorded against the person, by name (e.g. "PROSECUTED").</summary>
    public List<string> Disqualifiers { get; set; } = [];
    public uint RowVersion { get; private set; }

    public string AuditResource => $"candidates/{Id}";

    /// <summary>The Kinh are the majority; every other of Viet Nam's 54 ethnic groups counts as a minority.</summary>
    public bool IsEthnicMinority => !string.Equals(Ethnicity, "Kinh", StringComparison.OrdinalIgnoreCase);

    public void SetName(string fullName) => (FullName, SearchName, ListKey) = NameSearch.Keys(fullName, Id.ToString("N"));

    /// <summary>Age in whole years on a day (election day for the "under 40" quota).</summary>
    public int AgeOn(DateOnly day) => Ages.On(BirthDate, day);
}
