using OneStop.Web.Catalog;
using OneStop.Web.Catalog.Definitions;
using OneStop.Web.Catalog.Loading;

namespace OneStop.Tests.Catalog;

/// <summary>Every procedure the application ships loads, passes its checks and is complete enough to apply for.</summary>
public sealed class ShippedProceduresTests
{
    private static readonly ProcedureDefinitionReader Reader = ProcedureDefinitionReader.Create();

    public static readonly string[] ExpectedCodes =
        ["1.000656", "1.000894", "1.001193", "1.001612", "1.004222", "1.013225", "2.000815", "3.000333"];

    public static TheoryData<string> ShippedFileNames => new(CatalogSeeder.ShippedFiles().Select(f => f.Name));

    private static ProcedureDefinition Load(string fileName)
    {
        var file = CatalogSeeder.ShippedFiles().Single(f => f.Name == fileName);
        return Reader.Read(file.Name, file.Content, ProcedureDefinitionReader.FormatOf(file.Name)).Definition;
    }

    [Fact]
    public void The_eight_reference_procedures_are_shipped()
    {
        var codes = CatalogSeeder.ShippedFiles()
            .Select(f => Reader.Read(f.Name, f.Content, ProcedureFileFormat.Yaml).Definition.Code)
            .Order(StringComparer.Ordinal);
        Assert.Equal(ExpectedCodes, codes);
    }

    [Theory]
    [MemberData(nameof(ShippedFileNames))]
    public void A_shipped_procedure_has_time_fees_documents_form_and_workflow(string fileName)
    {
        var procedure = Load(fileName);

        Assert.StartsWith(procedure.Code, fileName, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(procedure.Name.Vi));
        Assert.False(string.IsNullOrWhiteSpace(procedure.Name.En));
        Assert.True(procedure.ProcessingTime.BudgetInWorkingHours > 0);
        Assert.NotEmpty(procedure.Fees);
        Assert.All(procedure.Fees, fee => Assert.False(string.IsNullOrWhiteSpace(fee.LegalBasis)));
        Assert.Contains(procedure.Documents, d => d.Form == DocumentForm.Form || d.Form == DocumentForm.OriginalToPresent);
        Assert.True(procedure.Form.AllFields.Count() >= 5, "a realistic form asks at least five things");
        Assert.Contains(procedure.Form.AllFields, f => f.Validation.Required);
        Assert.NotEmpty(procedure.Workflow.Actions);
        Assert.Contains(procedure.Workflow.States, s => s.Final);
        Assert.True(procedure.Workflow.LongestBudgetedPathHours() > 0);
        Assert.NotEmpty(procedure.LegalBasis);
        Assert.NotEmpty(procedure.Sources);
        Assert.Contains(procedure.Sources, s => s.Key == "S1");
    }

    [Theory]
    [MemberData(nameof(ShippedFileNames))]
    public void Doubtful_facts_are_marked_as_uncertain(string fileName)
    {
        var procedure = Load(fileName);

        // Every note written with the warning sign is flagged, and every flagged note says so.
        Assert.All(procedure.Notes, note => Assert.Equal(note.Text.Vi.Contains('⚠', StringComparison.Ordinal), note.Uncertain));
        if (procedure.Fees.Any(f => f.SetByProvince))
        {
            Assert.Contains(procedure.Notes, n => n.About == "fees" && n.Uncertain);
        }
    }

    [Fact]
    public void The_published_facts_are_as_in_the_reference()
    {
        var all = CatalogSeeder.ShippedFiles()
            .Select(f => Reader.Read(f.Name, f.Content, ProcedureFileFormat.Yaml).Definition)
            .ToDictionary(d => d.Code);

        var birth = all["1.001193"];
        Assert.Equal(TimeUnit.SameDay, birth.ProcessingTime.Unit);
        Assert.Equal("15:00", birth.ProcessingTime.Cutoff);
        Assert.Equal(ProcedureLevel.Commune, birth.Level);
        Assert.Contains(birth.Documents, d => d.ReplacedBy == "population.person");
        Assert.Contains(birth.Form.AllFields, f => f.Key == "fatherFullName" && f.Source == "population.fullName" && f.SourceKey == "fatherIdNumber");

        var record = all["3.000333"];
        Assert.Equal(ProcedureLevel.Province, record.Level);
        Assert.Equal("provincial-police", record.CompetentUnit.Type);
        Assert.Equal((TimeUnit.Days, 10), (record.ProcessingTime.Unit, record.ProcessingTime.Amount));
        Assert.Equal([200_000L, 100_000L], record.Fees.Single().Amounts.Select(a => a.Amount));

        var residence = all["1.004222"];
        Assert.Equal((TimeUnit.WorkingDays, 7), (residence.ProcessingTime.Unit, residence.ProcessingTime.Amount));
        var fee = residence.Fees.Single();
        Assert.Equal(20_000, fee.Amounts.Single(a => a.Channel == Channel.InPerson).Amount);
        Assert.Equal(10_000, fee.Amounts.Single(a => a.Channel == Channel.Online).Amount);

        var copy = all["2.000815"];
        Assert.Equal([Channel.InPerson], copy.Channels);
        Assert.Equal(200_000, copy.Fees.Single().Maximum);

        Assert.Equal((TimeUnit.WorkingDays, 3), (all["1.001612"].ProcessingTime.Unit, all["1.001612"].ProcessingTime.Amount));
        Assert.Equal((TimeUnit.WorkingDays, 7), (all["1.013225"].ProcessingTime.Unit, all["1.013225"].ProcessingTime.Amount));
        Assert.Contains(all["1.000894"].ProcessingTime.Extensions, e => e.Unit == TimeUnit.WorkingDays && e.Amount == 5);
        Assert.Contains(all["1.000656"].Documents, d => d.ReplacedBy == "health.deathNotice");
    }
}
