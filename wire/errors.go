package wire

// Kafka's error codes (the protocol's ErrorCode values, as in Kafka's
// Errors enum), by the names the engine uses.
var errorCodes = map[string]int16{
	"NONE":                             0,
	"OFFSET_OUT_OF_RANGE":              1,
	"CORRUPT_MESSAGE":                  2,
	"UNKNOWN_TOPIC_OR_PARTITION":       3,
	"LEADER_NOT_AVAILABLE":             5,
	"NOT_LEADER_OR_FOLLOWER":           6,
	"REQUEST_TIMED_OUT":                7,
	"NETWORK_EXCEPTION":                13,
	"COORDINATOR_NOT_AVAILABLE":        15,
	"NOT_COORDINATOR":                  16,
	"INVALID_TOPIC_EXCEPTION":          17,
	"NOT_ENOUGH_REPLICAS":              19,
	"NOT_ENOUGH_REPLICAS_AFTER_APPEND": 20,
	"ILLEGAL_GENERATION":               22,
	"INCONSISTENT_GROUP_PROTOCOL":      23,
	"UNKNOWN_MEMBER_ID":                25,
	"INVALID_SESSION_TIMEOUT":          26,
	"REBALANCE_IN_PROGRESS":            27,
	"TOPIC_AUTHORIZATION_FAILED":       29,
	"UNSUPPORTED_VERSION":              35,
	"TOPIC_ALREADY_EXISTS":             36,
	"INVALID_PARTITIONS":               37,
	"INVALID_REPLICATION_FACTOR":       38,
	"INVALID_REQUEST":                  42,
	"OUT_OF_ORDER_SEQUENCE_NUMBER":     45,
	"INVALID_PRODUCER_EPOCH":           47,
	"INVALID_TXN_STATE":                48,
	"INVALID_PRODUCER_ID_MAPPING":      49,
	"INVALID_TRANSACTION_TIMEOUT":      50,
	"CONCURRENT_TRANSACTIONS":          51,
	"OPERATION_NOT_ATTEMPTED":          55,
	"PRODUCER_FENCED":                  90,
	"INVALID_CONFIG":                   40,
	"NOT_CONTROLLER":                   41,
	"UNKNOWN_PRODUCER_ID":              59,
	"GROUP_ID_NOT_FOUND":               69,
	"FENCED_LEADER_EPOCH":              74,
	"UNKNOWN_LEADER_EPOCH":             75,
	"UNSUPPORTED_COMPRESSION_TYPE":     76,
	"MEMBER_ID_REQUIRED":               79,
	"FENCED_INSTANCE_ID":               82,
	"INVALID_RECORD":                   87,
	"UNKNOWN_SERVER_ERROR":             -1,
}

// code turns an engine error name into its code; a name the table lacks
// is UNKNOWN_SERVER_ERROR.
func code(name string) int16 {
	if name == "" {
		return 0
	}
	if c, ok := errorCodes[name]; ok {
		return c
	}
	return -1
}
