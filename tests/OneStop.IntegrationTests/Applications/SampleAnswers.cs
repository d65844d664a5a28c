namespace OneStop.IntegrationTests.Applications;

/// <summary>Valid answers to the forms of shipped procedures, for tests that need an application.</summary>
public static class SampleAnswers
{
    public const string CertifiedCopy = "2.000815";
    public const string PermanentResidence = "1.004222";
    public const string CriminalRecord = "3.000333";
    public const string BirthRegistration = "1.001193";

    /// <summary>Phường Ba Đình, Hà Nội.</summary>
    public const string BaDinh = "00004";

    /// <summary>Phường Phố Hiến, Hưng Yên.</summary>
    public const string PhoHien = "11953";

    public static Dictionary<string, string?> For(string procedureCode, string idNumber = "033085001234", string name = "Nguyễn Văn An", string commune = BaDinh) => procedureCode switch
    {
        CertifiedCopy => new()
        {
            ["requesterFullName"] = name,
            ["requesterIdNumber"] = idNumber,
            ["documentName"] = "Bằng tốt nghiệp đại học",
            ["issuedAbroad"] = "no",
            ["pageCount"] = "2",
            ["copyCount"] = "3",
        },
        PermanentResidence => new()
        {
            ["personIdNumber"] = idNumber,
            ["personFullName"] = name,
            ["personDateOfBirth"] = "1985-03-12",
            ["phone"] = "0912345678",
            ["newCommune"] = commune,
            ["newAddress"] = "Số 12 phố Đội Cấn",
            ["homeBasis"] = "owner",
        },
        CriminalRecord => new()
        {
            ["certificateType"] = "1",
            ["applyingForSelf"] = "yes",
            ["copies"] = "1",
            ["purpose"] = "Bổ sung hồ sơ xin việc",
            ["personIdNumber"] = idNumber,
            ["personFullName"] = name,
            ["personDateOfBirth"] = "1985-03-12",
            ["personSex"] = "male",
            ["personPermanentResidence"] = commune,
            ["livedElsewhere"] = "no",
            ["phone"] = "0912345678",
        },
        _ => throw new ArgumentOutOfRangeException(nameof(procedureCode), procedureCode, "No sample answers for this procedure."),
    };
}
