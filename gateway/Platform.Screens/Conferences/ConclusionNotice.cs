using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Platform.JointPlanning.V1;

namespace Platform.Screens.Conferences;

/// <summary>
/// The conclusion notice (thông báo kết luận) of a concluded conference as a Word document laid out as Vietnamese
/// administrative documents are: the issuing body and the number and symbol on the left, the national motto on the
/// right with the place and date, the title, the body, the recipients and the signature block (Decree 30/2020/NĐ-CP,
/// Appendix I: A4, Times New Roman 13–14 pt). A Party body (Ban Tổ chức Trung ương) heads its documents with
/// "ĐẢNG CỘNG SẢN VIỆT NAM" instead of the state's motto (Hướng dẫn 36-HD/VPTW, 2018): the header follows the lead.
/// The number is left blank after "Số:": the office (văn thư) gives it when it registers the issued notice.
/// </summary>
public static class ConclusionNotice
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private const string Font = "Times New Roman";
    private const int BodySize = 28; // half-points: 14 pt
    private const int HeaderSize = 26; // 13 pt

    /// <summary>The document, for a conference whose conclusion is issued.</summary>
    public static byte[] Write(Conference conference)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new Document(new Body(Content(conference).Append(PageLayout()).ToArray()));
            document.PackageProperties.Title = $"Thông báo kết luận: {conference.Title}";
            document.PackageProperties.Creator = Labels.Body(conference.LeadBody);
            document.PackageProperties.Language = "vi-VN";
        }
        return stream.ToArray();
    }

    private static IEnumerable<OpenXmlElement> Content(Conference conference)
    {
        var lead = conference.LeadBody;
        var chair = conference.Chair ?? new Chair();
        var issued = IsoDay(conference.Conclusion.IssuedOn) ?? IsoDay(conference.Date);
        var others = conference.CoOrganizers.Select(Labels.Body).ToList();

        yield return Header(lead, issued);
        yield return Centered(Bold("THÔNG BÁO"), spaceBefore: 240);
        yield return Centered(Bold($"Kết luận của {chair.Title} {chair.Name}"));
        yield return Centered(Bold($"tại {conference.Title}"));
        yield return Centered(Text("-----"));

        var day = IsoDay(conference.Date);
        yield return BodyParagraph(
            $"Ngày {Spoken(day)}, {Labels.Body(lead)} phối hợp với {string.Join(", ", others)} tổ chức {Lower(conference.Title)}. "
            + $"Đồng chí {chair.Name}, {chair.Title}, chủ trì Hội nghị. Sau khi nghe báo cáo và ý kiến phát biểu, "
            + $"đồng chí {chair.Name} kết luận như sau:");
        foreach (var paragraph in conference.Conclusion.Summary.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            yield return BodyParagraph(paragraph);
        }
        if (conference.Conclusion.Tasks.Count > 0)
        {
            yield return BodyParagraph(Bold("Nhiệm vụ thời gian tới:"));
            for (var i = 0; i < conference.Conclusion.Tasks.Count; i++)
            {
                var task = conference.Conclusion.Tasks[i];
                var basis = task.LegalBasis.Count == 0 ? "" : "; căn cứ " + string.Join(", ", task.LegalBasis.Select(Basis));
                yield return BodyParagraph(
                    $"{i + 1}. {task.Description.TrimEnd('.', ' ')} (cơ quan thực hiện: {string.Join(", ", task.Owners.Select(Labels.Body))}; "
                    + $"hạn chậm nhất: {ConferenceLabels.Date(task.DueDate)}{basis}).");
            }
        }
        yield return BodyParagraph($"{Labels.Body(lead)} thông báo để các cơ quan, đơn vị biết, thực hiện./.");
        yield return Footer(conference, lead, chair);
    }

    /// <summary>The two columns at the top: who issues it and its number; the motto, the place and the date.</summary>
    private static Table Header(string lead, DateOnly? issued)
    {
        // The number itself is left blank for the office to fill: "Số      -TB/BTCTW" (Party), "Số:      /TB-BNV" (state).
        var (issuer, number, partyBody) = lead switch
        {
            "organization" => ("BAN CHẤP HÀNH TRUNG ƯƠNG\nBAN TỔ CHỨC", "Số        -TB/BTCTW", true),
            "home-affairs" => ("BỘ NỘI VỤ", "Số:        /TB-BNV", false),
            _ => ("ỦY BAN THƯỜNG VỤ QUỐC HỘI\nBAN CÔNG TÁC ĐẠI BIỂU", "Số:        /TB-BCTĐB", false),
        };
        var left = new List<Paragraph>();
        var lines = issuer.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            // The superior body in smaller type above the issuer in bold, each on one line.
            left.Add(Centered(i == lines.Length - 1 ? Bold(lines[i], HeaderSize) : Text(lines[i], 24)));
        }
        left.Add(Centered(partyBody ? Text("*", HeaderSize) : Text("_______", HeaderSize)));
        left.Add(Centered(Text(number, HeaderSize)));
        var place = issued is { } d
            ? $"Hà Nội, ngày {d.Day:00} tháng {(d.Month <= 2 ? d.Month.ToString("00", CultureInfo.InvariantCulture) : d.Month.ToString(CultureInfo.InvariantCulture))} năm {d.Year}"
            : "Hà Nội, ngày … tháng … năm …";
        var right = partyBody
            ? new List<Paragraph> { Centered(Bold("ĐẢNG CỘNG SẢN VIỆT NAM", 30)), Centered(Text("")), Centered(Italic(place)) }
            : [Centered(Bold("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", HeaderSize)), Centered(Bold("Độc lập - Tự do - Hạnh phúc")),
                Centered(Text("_______________", HeaderSize)), Centered(Italic(place))];
        return TwoColumns(left, right, leftShare: 45);
    }

    /// <summary>The recipients on the left, the signature block on the right.</summary>
    private static Table Footer(Conference conference, string lead, Chair chair)
    {
        var recipients = new List<Paragraph> { Left(BoldItalic("Nơi nhận:", 24)) };
        recipients.AddRange(conference.CoOrganizers.Select(body => Left(Text($"- {Labels.Body(body)};", 22))));
        recipients.Add(Left(Text($"- Lưu: VT, {Labels.Body(lead)}.", 22)));
        var signature = new List<Paragraph>
        {
            Centered(Bold(chair.Title.ToUpper(new CultureInfo("vi-VN")))),
            Centered(Italic("(đã ký)")),
            Centered(Text("")),
            Centered(Bold(chair.Name)),
        };
        return TwoColumns(recipients, signature, leftShare: 45, spaceBefore: 240);
    }

    private static Table TwoColumns(List<Paragraph> left, List<Paragraph> right, int leftShare, int spaceBefore = 0)
    {
        const int width = 9354; // twentieths of a point: A4 less the margins below
        var leftWidth = width * leftShare / 100;
        var none = new TableBorders(
            new TopBorder { Val = BorderValues.None }, new BottomBorder { Val = BorderValues.None },
            new LeftBorder { Val = BorderValues.None }, new RightBorder { Val = BorderValues.None },
            new InsideHorizontalBorder { Val = BorderValues.None }, new InsideVerticalBorder { Val = BorderValues.None });
        if (spaceBefore > 0)
        {
            left[0].ParagraphProperties!.SpacingBetweenLines!.Before = spaceBefore.ToString(CultureInfo.InvariantCulture);
        }
        return new Table(
            new TableProperties(none, new TableWidth { Width = width.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
                new TableLayout { Type = TableLayoutValues.Fixed }),
            new TableGrid(new GridColumn { Width = leftWidth.ToString(CultureInfo.InvariantCulture) },
                new GridColumn { Width = (width - leftWidth).ToString(CultureInfo.InvariantCulture) }),
            new TableRow(Cell(left, leftWidth), Cell(right, width - leftWidth)));
    }

    private static TableCell Cell(IEnumerable<Paragraph> paragraphs, int width) =>
        new(new OpenXmlElement[] { new TableCellProperties(new TableCellWidth { Width = width.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa }) }
            .Concat(paragraphs));

    /// <summary>A4 with the margins of Decree 30: top and bottom 20 mm, left 30 mm, right 15 mm.</summary>
    private static SectionProperties PageLayout() => new(
        new PageSize { Width = 11906, Height = 16838 },
        new PageMargin { Top = 1134, Bottom = 1134, Left = 1701U, Right = 851U, Header = 720U, Footer = 720U, Gutter = 0U });

    private static Paragraph BodyParagraph(params Run[] runs) => new(
        new OpenXmlElement[]
        {
            new ParagraphProperties(
                new SpacingBetweenLines { Before = "120", After = "0", Line = "288", LineRule = LineSpacingRuleValues.Auto },
                new Indentation { FirstLine = "567" }, new Justification { Val = JustificationValues.Both }),
        }.Concat(runs));

    private static Paragraph BodyParagraph(string text) => BodyParagraph(Text(text));

    private static Paragraph Centered(Run run, int spaceBefore = 0) => new(
        new ParagraphProperties(new SpacingBetweenLines { Before = spaceBefore.ToString(CultureInfo.InvariantCulture), After = "0" },
            new Justification { Val = JustificationValues.Center }),
        run);

    private static Paragraph Left(Run run) => new(
        new ParagraphProperties(new SpacingBetweenLines { Before = "0", After = "0" }, new Justification { Val = JustificationValues.Left }), run);

    private static Run Text(string text, int size = BodySize) => Styled(text, size, bold: false, italic: false);
    private static Run Bold(string text, int size = BodySize) => Styled(text, size, bold: true, italic: false);
    private static Run Italic(string text, int size = BodySize) => Styled(text, size, bold: false, italic: true);
    private static Run BoldItalic(string text, int size = BodySize) => Styled(text, size, bold: true, italic: true);

    private static Run Styled(string text, int size, bool bold, bool italic)
    {
        var properties = new RunProperties(
            new RunFonts { Ascii = Font, HighAnsi = Font, ComplexScript = Font, EastAsia = Font },
            new FontSize { Val = size.ToString(CultureInfo.InvariantCulture) },
            new Languages { Val = "vi-VN" });
        if (bold)
        {
            properties.Append(new Bold());
        }
        if (italic)
        {
            properties.Append(new Italic());
        }
        return new Run(properties, new Text(text) { Space = SpaceProcessingModeValues.Preserve });
    }

    private static string Basis(LegalBasis basis) =>
        basis.Number + (IsoDay(basis.Date) is { } day ? $" ngày {ConferenceLabels.Date(basis.Date)}" : "") + (basis.Title.Length > 0 ? $" ({basis.Title})" : "");

    private static DateOnly? IsoDay(string iso) =>
        DateOnly.TryParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    /// <summary>"01 tháng 7 năm 2020" as documents write a date in running text (Decree 30: a zero before days under 10).</summary>
    private static string Spoken(DateOnly? day) =>
        day is { } d ? $"{d.Day:00} tháng {d.Month} năm {d.Year}" : "…";

    /// <summary>"Hội nghị …" in running text: its first letter small ("tổ chức hội nghị …").</summary>
    private static string Lower(string title) =>
        title.Length > 0 ? char.ToLower(title[0], new CultureInfo("vi-VN")) + title[1..] : title;
}
