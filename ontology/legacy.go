package ontology

import "github.com/sitrep/sitrep"

// GSRType maps a label of the PLOVER gold standard record (PLOVER_GSR,
// drafted with 18 types before POLECAT settled on 16) to the PLOVER type
// sitrep codes. The older labels are folded as the 2021 PLOVER manual folds
// them: FIGHT into ASSAULT, DEMAND into REQUEST, DISAPPROVE and INVESTIGATE
// into ACCUSE. ok is false for labels that are no event (DOCUMENT).
func GSRType(label string) (sitrep.EventType, bool) {
	switch label {
	case "FIGHT":
		return sitrep.Assault, true
	case "DEMAND":
		return sitrep.Request, true
	case "DISAPPROVE", "INVESTIGATE":
		return sitrep.Accuse, true
	}
	for _, t := range sitrep.EventTypes {
		if string(t) == label {
			return t, true
		}
	}
	return "", false
}

// Legacy ACLED event types used before ACLED's 2019 revision, as they
// appear in older exports.
const (
	LegacyBattleNoChange        = "Battle-No change of territory"
	LegacyBattleGovRegains      = "Battle-Government regains territory"
	LegacyBattleNonStateGains   = "Battle-Non-state actor overtakes territory"
	LegacyRemoteViolence        = "Remote violence"
	LegacyRiotsProtests         = "Riots/Protests"
	LegacyViolenceCivilians     = "Violence against civilians"
	LegacyStrategicDevelopment  = "Strategic development"
	LegacyNonViolentTransfer    = "Non-violent transfer of territory"
	LegacyHeadquartersEstablish = "Headquarters or base established"
)

// LegacyACLEDType maps a current ACLED event and sub-event type, with the
// category of the event's second actor, to the pre-2019 event type that
// would have recorded it. The old scheme split battles by territorial
// outcome, joined riots and protests, gave non-violent transfers and new
// bases types of their own, and counted as violence against civilians
// what the 2019 codebook moved to riots and protests: force used on
// protesters, and a mob's violence against civilians.
func LegacyACLEDType(eventType, subType string, inter2 ActorCategory) string {
	switch {
	case subType == ExcessiveForce, subType == MobViolence && inter2 == Civilians:
		return LegacyViolenceCivilians
	}
	switch eventType {
	case Battles:
		switch subType {
		case GovernmentRegains:
			return LegacyBattleGovRegains
		case NonStateOvertakes:
			return LegacyBattleNonStateGains
		}
		return LegacyBattleNoChange
	case ExplosionsRemote:
		return LegacyRemoteViolence
	case Protests, Riots:
		return LegacyRiotsProtests
	case ViolenceCivilians:
		return LegacyViolenceCivilians
	case StrategicDevelopments:
		switch subType {
		case NonViolentTransfer:
			return LegacyNonViolentTransfer
		case HeadquartersEstablished:
			return LegacyHeadquartersEstablish
		}
		return LegacyStrategicDevelopment
	}
	return ""
}

// ModernACLEDType maps a pre-2019 ACLED event type to the current event
// type; current names pass through unchanged. "Riots/Protests" has no
// single successor and maps to Protests; scorers compare it through
// LegacyACLEDType instead.
func ModernACLEDType(old string) string {
	switch old {
	case LegacyBattleNoChange, LegacyBattleGovRegains, LegacyBattleNonStateGains:
		return Battles
	case LegacyRemoteViolence:
		return ExplosionsRemote
	case LegacyRiotsProtests:
		return Protests
	case LegacyStrategicDevelopment, LegacyNonViolentTransfer, LegacyHeadquartersEstablish:
		return StrategicDevelopments
	}
	return old
}
