using System.Text.Json.Nodes;

namespace Kinerja.Cards.Tests;

public sealed class CardModelTests
{
    [Fact]
    public void KartuKosong_Versi15LebarPenuh()
    {
        var json = new AdaptiveCard().ToJsonString();

        Assert.Equal("""{"type":"AdaptiveCard","version":"1.5","msteams":{"width":"Full"}}""", json);
        Assert.Equal("application/vnd.microsoft.card.adaptive", AdaptiveCard.ContentType);
    }

    [Fact]
    public void Elemen_TypeCamelCaseEnumDanNullDibuang()
    {
        var card = new AdaptiveCard
        {
            Body =
            [
                new TextBlock("Nilai × bobot") { Size = TextSize.ExtraLarge, Weight = TextWeight.Bolder, Color = TextColor.Attention, Wrap = true },
                new Container { Id = "c", IsVisible = false, Spacing = Spacing.ExtraLarge, Items = [new FactSet { Facts = [new("CKP", "101,02")] }] },
                new ColumnSet { Columns = [new Column { Width = ColumnWidth.Auto, Items = [new Image { Url = new Uri("https://contoh.go.id/a.png"), Size = ImageSize.Small }] }, new Column { Width = ColumnWidth.Weight(2) }, new Column { Width = ColumnWidth.Pixels(50) }] },
                new Table { Columns = [new TableColumnDefinition { Width = ColumnWidth.Weight(3), HorizontalCellContentAlignment = HorizontalAlignment.Right }], Rows = [new TableRow { Cells = [new TableCell(new TextBlock("x"))] }] },
                new RichTextBlock { Inlines = [new TextRun { Text = "tebal", Weight = TextWeight.Bolder }] },
            ],
            FallbackText = "teks",
        };

        var json = card.ToJsonString();

        Assert.Equal(
            """{"type":"AdaptiveCard","version":"1.5","body":[""" +
            """{"type":"TextBlock","text":"Nilai × bobot","wrap":true,"size":"extraLarge","weight":"bolder","color":"attention"},""" +
            """{"type":"Container","items":[{"type":"FactSet","facts":[{"title":"CKP","value":"101,02"}]}],"id":"c","isVisible":false,"spacing":"extraLarge"},""" +
            """{"type":"ColumnSet","columns":[{"type":"Column","width":"auto","items":[{"type":"Image","url":"https://contoh.go.id/a.png","size":"small"}]},{"type":"Column","width":2},{"type":"Column","width":"50px"}]},""" +
            """{"type":"Table","columns":[{"width":3,"horizontalCellContentAlignment":"right"}],"rows":[{"type":"TableRow","cells":[{"type":"TableCell","items":[{"type":"TextBlock","text":"x"}]}]}]},""" +
            """{"type":"RichTextBlock","inlines":[{"type":"TextRun","text":"tebal","weight":"bolder"}]}""" +
            """],"fallbackText":"teks","msteams":{"width":"Full"}}""",
            json);
        Assert.Equal(json, card.ToJson().ToJsonString(CardJson.Options));
    }

    [Fact]
    public void ActionExecute_SelaluDenganFallbackSubmitDataSama()
    {
        var action = ExecuteAction.Create("TW I", new NilaiSayaData(2026, 1));
        var json = JsonNode.Parse(new AdaptiveCard { Actions = [action] }.ToJsonString())!["actions"]![0]!;

        Assert.Equal(
            """
            {"type":"Action.Execute","verb":"nilaiSaya","data":{"verb":"nilaiSaya","tahun":2026,"triwulan":1},"title":"TW I",
            "fallback":{"type":"Action.Submit","data":{"verb":"nilaiSaya","tahun":2026,"triwulan":1},"title":"TW I"}}
            """.ReplaceLineEndings(""),
            json.ToJsonString());
    }

    [Fact]
    public void LineChart_DenganFallback()
    {
        var chart = new LineChart
        {
            Title = "Tren",
            XAxisTitle = "Triwulan",
            YAxisTitle = "Nilai",
            Data = [new LineChartSeries { Legend = "NKP", Values = [new("TW I", 88.98m), new("TW II", 90.1m)] }],
            Fallback = new TextBlock("TW I: 88,98; TW II: 90,10"),
        };

        var json = JsonNode.Parse(new AdaptiveCard { Body = [chart] }.ToJsonString())!["body"]![0]!.ToJsonString();

        Assert.Equal(
            """
            {"type":"Chart.Line","title":"Tren","xAxisTitle":"Triwulan","yAxisTitle":"Nilai",
            "data":[{"legend":"NKP","values":[{"x":"TW I","y":88.98},{"x":"TW II","y":90.1}]}],
            "fallback":{"type":"TextBlock","text":"TW I: 88,98; TW II: 90,10"}}
            """.ReplaceLineEndings(""),
            json);
    }

    [Fact]
    public void Refresh_DanToggle()
    {
        var card = new AdaptiveCard
        {
            Body = [new ActionSet { Actions = [new ToggleVisibilityAction { Title = "Cara", TargetElements = ["cara"] }] }],
            Refresh = new CardRefresh { Action = new ExecuteAction { Title = "r", Verb = "nilaiSaya" }, UserIds = [] },
        };

        var json = JsonNode.Parse(card.ToJsonString())!;

        Assert.Equal("""{"type":"Action.ToggleVisibility","targetElements":["cara"],"title":"Cara"}""", json["body"]![0]!["actions"]![0]!.ToJsonString());
        Assert.Equal("""{"action":{"type":"Action.Execute","verb":"nilaiSaya","title":"r"},"userIds":[]}""", json["refresh"]!.ToJsonString());
    }
}
