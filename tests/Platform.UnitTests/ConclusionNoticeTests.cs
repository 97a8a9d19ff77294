using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Platform.Screens.Conferences;
using Platform.JointPlanning.V1;

namespace Platform.UnitTests;

/// <summary>The conclusion notice as a .docx, read back: the parts of a Vietnamese administrative document, in order.</summary>
public sealed class ConclusionNoticeTests
{
    private static Conference Concluded(string lead, string chairTitle) => new()
    {
        Id = $"{lead}.hoi-nghi", LeadBody = lead, Title = "Hội nghị liên tịch sơ kết 6 tháng đầu năm 2020", Date = "2020-07-01",
        Chair = new Chair { Name = "Nguyễn Văn An", Title = chairTitle, Body = lead },
        CoOrganizers = { lead == "organization" ? "home-affairs" : "organization", "delegate-affairs" },
        Status = ConferenceStatus.Concluded,
        Conclusion = new Conclusion
        {
            Summary = "Ba cơ quan phối hợp chặt chẽ.\nTiếp tục rà soát quy hoạch cán bộ.", IssuedOn = "2020-07-03",
            Tasks =
            {
                new ConferenceTask
                {
                    Owners = { "delegate-affairs" }, DueDate = "2020-12-31", Description = "Chuẩn bị bầu cử đại biểu Quốc hội khóa XV",
                    LegalBasis = { new LegalBasis { Number = "45-CT/TW", Date = "2020-06-20" } },
                },
            },
        },
    };

    private static List<string> Paragraphs(byte[] docx)
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(docx), false);
        return document.MainDocumentPart!.Document.Body!.Descendants<Paragraph>().Select(p => p.InnerText).ToList();
    }

    [Fact]
    public void A_state_bodys_notice_has_the_national_motto_number_place_and_date_title_body_recipients_and_signature_in_order()
    {
        var text = Paragraphs(ConclusionNotice.Write(Concluded("home-affairs", "Bộ trưởng Bộ Nội vụ")));
        string[] inOrder =
        [
            "BỘ NỘI VỤ", "Số:        /TB-BNV", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
            "Hà Nội, ngày 03 tháng 7 năm 2020", "THÔNG BÁO", "Kết luận của Bộ trưởng Bộ Nội vụ Nguyễn Văn An",
            "Ba cơ quan phối hợp chặt chẽ.", "Tiếp tục rà soát quy hoạch cán bộ.",
            "1. Chuẩn bị bầu cử đại biểu Quốc hội khóa XV (cơ quan thực hiện: Ban Công tác đại biểu; hạn chậm nhất: 31/12/2020; căn cứ 45-CT/TW ngày 20/06/2020).",
            "Nơi nhận:", "- Ban Tổ chức Trung ương;", "BỘ TRƯỞNG BỘ NỘI VỤ", "Nguyễn Văn An",
        ];
        var at = inOrder.Select(expected => text.FindIndex(p => p.StartsWith(expected, StringComparison.Ordinal))).ToList();
        Assert.DoesNotContain(-1, at);
        Assert.Equal(at.Order(), at);
        Assert.Contains(text, p => p.StartsWith("Ngày 01 tháng 7 năm 2020, Bộ Nội vụ phối hợp với Ban Tổ chức Trung ương, Ban Công tác đại biểu tổ chức hội nghị liên tịch", StringComparison.Ordinal));
        Assert.DoesNotContain(text, p => p.Contains("ĐẢNG CỘNG SẢN", StringComparison.Ordinal));
    }

    [Fact]
    public void A_Party_bodys_notice_is_headed_by_the_Party_not_the_state_motto()
    {
        var text = Paragraphs(ConclusionNotice.Write(Concluded("organization", "Trưởng Ban Tổ chức Trung ương")));
        Assert.Contains("ĐẢNG CỘNG SẢN VIỆT NAM", text);
        Assert.Contains("Số        -TB/BTCTW", text);
        Assert.Contains("BAN TỔ CHỨC", text);
        Assert.DoesNotContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", text);
        Assert.Contains("TRƯỞNG BAN TỔ CHỨC TRUNG ƯƠNG", text);
    }

    [Fact]
    public void The_document_is_A4_in_Times_New_Roman_and_in_Vietnamese()
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(ConclusionNotice.Write(Concluded("home-affairs", "Bộ trưởng"))), false);
        var body = document.MainDocumentPart!.Document.Body!;
        Assert.Equal(11906U, body.Descendants<PageSize>().Single().Width!.Value);
        Assert.All(body.Descendants<RunFonts>(), font => Assert.Equal("Times New Roman", font.Ascii!.Value));
        Assert.Equal("vi-VN", document.PackageProperties.Language);
    }
}
