using Platform.Contracts.IntegrationEvents;
using Platform.Vietnamese;
using Platform.Vetting.Model;

namespace Platform.HomeAffairs.Model;

/// <summary>
/// What Home Affairs can tell of a candidate from the official record (cadre, civil servant, public employee),
/// one finding per rule, dates compared with election day. Pure: the subject and the record in, the findings out.
/// </summary>
public static class VettingRules
{
    public static IReadOnlyList<VettingFinding> Evaluate(VettingSubject subject, OfficialRecord? record) => record is null
        ? [VettingCriteria.OfficialRecordKnown.CannotTell("no official record: không có hồ sơ cán bộ, công chức, viên chức của người này")]
        : [Discipline(subject, record), Position(subject, record), Degree(subject, record), AgeCutoff(subject, record), Birth(subject, record)];

    /// <summary>A discipline decided within the look-back, or still running on election day, disqualifies.</summary>
    public static VettingFinding Discipline(VettingSubject subject, OfficialRecord record) => DisciplineTerm.Evaluate(
        VettingCriteria.OfficialDiscipline, record.DisciplineRecords.Select(d => (d.Form, d.DecidedDate, d.ExpiresDate)),
        subject.ElectionDay, VettingCriteria.DisciplineLookBackMonths);

    /// <summary>A full-time seat asks for a post at provincial department director level or above; below it disqualifies.</summary>
    public static VettingFinding Position(VettingSubject subject, OfficialRecord record)
    {
        if (NotFullTimeCriteria(subject) is { } why)
        {
            return VettingCriteria.PositionLevel.Pass(why);
        }
        var fact = $"chức vụ: {record.Position} ({Named(record.PositionLevel)}); " +
            $"yêu cầu từ {Named(VettingCriteria.MinimumFullTimePositionLevel)} trở lên";
        return record.PositionLevel >= VettingCriteria.MinimumFullTimePositionLevel
            ? VettingCriteria.PositionLevel.Pass(fact)
            : VettingCriteria.PositionLevel.Fail(disqualifying: true, fact);
    }

    /// <summary>A full-time seat asks for a university degree or above; less disqualifies.</summary>
    public static VettingFinding Degree(VettingSubject subject, OfficialRecord record)
    {
        if (NotFullTimeCriteria(subject) is { } why)
        {
            return VettingCriteria.Education.Pass(why);
        }
        var fact = $"trình độ: {Named(record.Education)}; yêu cầu từ {Named(VettingCriteria.MinimumFullTimeEducation)} trở lên";
        return record.Education >= VettingCriteria.MinimumFullTimeEducation
            ? VettingCriteria.Education.Pass(fact)
            : VettingCriteria.Education.Fail(disqualifying: true, fact);
    }

    /// <summary>
    /// A first-time National Assembly candidate holding an official record must be born on or after the cut-off for
    /// the sex on the record, judged by the record's birth date (the file Home Affairs vouches for).
    /// </summary>
    public static VettingFinding AgeCutoff(VettingSubject subject, OfficialRecord record)
    {
        if (subject.ReElected)
        {
            return VettingCriteria.FirstTimeAgeCutoff.Pass("không áp dụng: người ứng cử tái cử");
        }
        if (!VettingCriteria.AgeCutoffElectionKinds.Contains(subject.ElectionKind))
        {
            return VettingCriteria.FirstTimeAgeCutoff.Pass($"không áp dụng cho cuộc bầu cử {subject.ElectionKind}");
        }
        var female = record.Sex == "female";
        var bornFrom = female ? VettingCriteria.FirstTimeWomenBornFrom : VettingCriteria.FirstTimeMenBornFrom;
        var fact = $"ứng cử lần đầu; {(female ? "nữ" : "nam")}, sinh {record.BirthDate.ToVietnamese()} (hồ sơ); phải sinh từ {bornFrom.ToVietnamese()}";
        return record.BirthDate >= bornFrom
            ? VettingCriteria.FirstTimeAgeCutoff.Pass(fact)
            : VettingCriteria.FirstTimeAgeCutoff.Fail(disqualifying: true, fact);
    }

    /// <summary>A birth date on the record other than the candidate's calls for review (one of the two files is wrong).</summary>
    public static VettingFinding Birth(VettingSubject subject, OfficialRecord record) => record.BirthDate == subject.BirthDate
        ? VettingCriteria.BirthDate.Pass($"ngày sinh {record.BirthDate.ToVietnamese()}")
        : VettingCriteria.BirthDate.Fail(disqualifying: false,
            $"ngày sinh khác nhau: hồ sơ ứng cử {subject.BirthDate.ToVietnamese()}, hồ sơ {record.BirthDate.ToVietnamese()}");

    /// <summary>Why a seat's full-time requirements do not apply, or null when they do.</summary>
    private static string? NotFullTimeCriteria(VettingSubject subject) =>
        !subject.FullTime ? "không áp dụng: không phải đại biểu chuyên trách"
        : !VettingCriteria.FullTimeCriteriaElectionKinds.Contains(subject.ElectionKind) ? $"không áp dụng cho cuộc bầu cử {subject.ElectionKind}"
        : null;

    private static string Named(PositionLevel level) => level switch
    {
        Model.PositionLevel.Staff => "chuyên viên",
        Model.PositionLevel.DivisionHead => "trưởng phòng",
        Model.PositionLevel.DepartmentDirector => "giám đốc sở",
        Model.PositionLevel.DirectorGeneral => "vụ trưởng",
        Model.PositionLevel.DeputyMinister => "thứ trưởng",
        _ => "bộ trưởng",
    };

    private static string Named(EducationLevel level) => level switch
    {
        EducationLevel.UpperSecondary => "trung học phổ thông",
        EducationLevel.College => "cao đẳng",
        EducationLevel.University => "đại học",
        EducationLevel.Master => "thạc sĩ",
        _ => "tiến sĩ",
    };
}
