package ner

// newsOutlets are news agencies, broadcasters and papers that conflict
// reports cite as sources ("Bloomberg reported", "according to Al
// Jazeera"). The list is written by the sitrep team; it feeds the
// ListMedia gazetteer feature.
var newsOutlets = []string{
	"Reuters", "Associated Press", "AP", "Agence France-Presse", "AFP", "Bloomberg", "Bloomberg News",
	"Al Jazeera", "Al Arabiya", "BBC", "BBC News", "CNN", "Sky News", "Deutsche Welle", "DW", "France 24",
	"Euronews", "Xinhua", "TASS", "RIA Novosti", "Interfax", "Sputnik", "RT", "Anadolu", "Anadolu Agency",
	"Kyodo", "Yonhap", "ANSA", "EFE", "dpa", "Press TV", "IRNA", "Tasnim", "Fars", "SANA", "Ukrinform",
	"Kyiv Independent", "Libya Observer", "The Libya Observer", "Libya Herald", "Libya Review",
	"Middle East Eye", "Asharq Al-Awsat", "The National", "Gulf News", "Haaretz", "Times of Israel",
	"Jerusalem Post", "Daily Sabah", "Hurriyet", "Dawn", "The Hindu", "Times of India", "Kabul Times",
	"TOLOnews", "Pajhwok", "The New York Times", "New York Times", "The Washington Post",
	"Washington Post", "The Wall Street Journal", "Wall Street Journal", "The Guardian", "Guardian",
	"The Times", "The Telegraph", "Financial Times", "The Economist", "Le Monde", "Der Spiegel",
	"NPR", "PBS", "ABC News", "CBS News", "NBC News", "Fox News", "Politico", "Axios", "Vice News",
	"Radio Free Europe", "Radio Free Europe/Radio Liberty", "RFE/RL", "Voice of America", "VOA",
	"Sudan Tribune", "Radio Dabanga", "Premium Times", "Daily Nation", "The East African", "Jeune Afrique",
	"Africanews", "Mail & Guardian", "News24", "Al-Masdar News", "Syrian Observatory for Human Rights",
	"Kurdistan 24", "Rudaw", "Al-Monitor", "Arab News", "Al-Ahram", "Ahram Online", "Mada Masr",
}

// AddNewsOutlets puts the built-in list of news outlets into the
// gazetteer's media list.
func (g *Gazetteer) AddNewsOutlets() {
	for _, n := range newsOutlets {
		g.Add(ListMedia, n)
	}
}
