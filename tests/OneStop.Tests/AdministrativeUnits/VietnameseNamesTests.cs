using System.Text;
using OneStop.Web.AdministrativeUnits;

namespace OneStop.Tests.AdministrativeUnits;

public sealed class VietnameseNamesTests
{
    [Theory]
    [InlineData("Phường Yên Hòa", "phuong yen hoa")]
    [InlineData("Phường Yên Hoà", "phuong yen hoa")]
    [InlineData("  yen   HOA ", "yen hoa")]
    [InlineData("Quận Đống Đa", "quan dong da")]
    [InlineData("đ Đ", "d d")]
    [InlineData("Huyện M'Đrắk", "huyen mdrak")]
    [InlineData("Xã Ea H’Leo", "xa ea hleo")]
    [InlineData("P. Cống Vị, Q. Ba Đình", "p cong vi q ba dinh")]
    [InlineData("Phường 14", "phuong 14")]
    [InlineData("", "")]
    [InlineData("!!!", "")]
    public void Fold_drops_every_diacritic_and_punctuation(string text, string expected)
    {
        Assert.Equal(expected, VietnameseNames.Fold(text));
    }

    [Fact]
    public void Fold_reads_decomposed_text_like_precomposed_text()
    {
        var decomposed = "Phường Thủy Xuân".Normalize(NormalizationForm.FormD);
        Assert.NotEqual("Phường Thủy Xuân", decomposed);
        Assert.Equal("phuong thuy xuan", VietnameseNames.Fold(decomposed));
    }

    [Theory]
    [InlineData("Hòa", "Hoà")]
    [InlineData("Thủy", "Thuỷ")]
    [InlineData("Xã Thuận Hòa", "Xã Thuận Hoà")]
    [InlineData("Tỉnh Khánh Hòa", "Tỉnh Khánh Hoà")]
    [InlineData("Phường Yên Hòa", "PHƯỜNG YÊN HOÀ")]
    [InlineData("Xã Điềm Thụy", "Xã Điềm Thuỵ")]
    [InlineData("Huyện M'Đrắk", "Huyện MĐrắk")]
    public void The_same_name_with_its_tone_mark_elsewhere_is_the_same_name(string oldStyle, string newStyle)
    {
        Assert.True(VietnameseNames.SameName(oldStyle, newStyle));
        Assert.Equal(VietnameseNames.ToneKey(oldStyle), VietnameseNames.ToneKey(newStyle));
        Assert.Equal(VietnameseNames.ToneKey(oldStyle), VietnameseNames.ToneKey(newStyle.Normalize(NormalizationForm.FormD)));
    }

    [Theory]
    [InlineData("Hòa", "Hóa")] // another tone
    [InlineData("Yên Hoà", "Yên Hoa")] // a tone against none
    [InlineData("Xã Phó Bảng", "Xã Phố Bảng")] // another vowel
    [InlineData("Xã Sa Lý", "Xã Xa Lý")]
    public void Names_that_differ_in_letters_or_tones_stay_different(string a, string b)
    {
        Assert.False(VietnameseNames.SameName(a, b));
        Assert.NotEqual(VietnameseNames.ToneKey(a), VietnameseNames.ToneKey(b));
    }

    [Fact]
    public void The_tone_key_keeps_vowel_marks_and_moves_the_tone_to_the_end_of_each_word()
    {
        Assert.Equal("phương1 yên0 hoa1", VietnameseNames.ToneKey("Phường Yên Hoà"));
        Assert.Equal("phương1 yên0 hoa1", VietnameseNames.ToneKey("Phường Yên Hòa"));
        Assert.Equal("đăk2 lăk2", VietnameseNames.ToneKey("Đắk Lắk"));
        Assert.Equal("phương1 14", VietnameseNames.ToneKey("Phường 14"));
    }

    [Theory]
    [InlineData("yen hoa", false)]
    [InlineData("Yên Hoà", true)]
    [InlineData("dong da", false)]
    [InlineData("Đống Đa", true)]
    [InlineData("Dong Da", false)]
    public void Knows_whether_a_text_carries_diacritics(string text, bool expected)
    {
        Assert.Equal(expected, VietnameseNames.HasDiacritics(text));
        Assert.Equal(expected, VietnameseNames.HasDiacritics(text.Normalize(NormalizationForm.FormD)));
    }

    [Fact]
    public void Clean_gives_composed_text_with_single_spaces()
    {
        var cleaned = VietnameseNames.Clean("  Phường  Yên Hòa ".Normalize(NormalizationForm.FormD));
        Assert.Equal("Phường Yên Hòa", cleaned);
        Assert.True(cleaned.IsNormalized(NormalizationForm.FormC));
    }
}
